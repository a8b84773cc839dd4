-- In `deactivate` mode, a SCIM DELETE of an active user ends the SCIM resource
-- (404 from then on) but keeps the normalized directory user as inactive.
ALTER TABLE "directory_users" ADD COLUMN "scim_deleted_at" TIMESTAMPTZ(6);

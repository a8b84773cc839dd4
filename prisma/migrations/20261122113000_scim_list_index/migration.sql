-- SCIM lists count and page the users a SCIM client can see; this partial index
-- lets both run as index-only scans over one directory.
CREATE INDEX "directory_users_scim_visible_idx" ON "directory_users" ("directory_id", "id") WHERE "scim_deleted_at" IS NULL;

-- Partial indexes for the portal and the directory reads; Prisma cannot express
-- them, so they live here only (see docs/architecture.md).

-- Counting a directory's live users (removed_at IS NULL) without reading the rows.
CREATE INDEX "directory_users_live_directory_id_idx" ON "directory_users"("directory_id") WHERE "removed_at" IS NULL;

-- "Failures only" in the SCIM request log: a page of failures even when they are rare.
CREATE INDEX "scim_requests_failed_directory_id_id_idx" ON "scim_requests"("directory_id", "id") WHERE "status" >= 400;

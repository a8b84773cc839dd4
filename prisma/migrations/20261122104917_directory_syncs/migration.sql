-- The state of each polled directory's sync (google_workspace): readable
-- through GET /v1/directories/{id}/sync, and the lease that keeps two syncs
-- of one directory from ever running at once, across processes.
CREATE TABLE "directory_syncs" (
    "directory_id" TEXT NOT NULL,
    -- While a sync runs, nobody else starts one; a worker that dies leaves it to expire.
    "lease_until" TIMESTAMPTZ(6),
    "last_started_at" TIMESTAMPTZ(6),
    "last_finished_at" TIMESTAMPTZ(6),
    "last_succeeded_at" TIMESTAMPTZ(6),
    -- succeeded | failed, for the last finished sync.
    "last_result" TEXT,
    "last_error_code" TEXT,
    "last_error_message" TEXT,
    -- What the last finished sync saw and changed (users_created, ...).
    "last_counts" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_syncs_pkey" PRIMARY KEY ("directory_id"),
    CONSTRAINT "directory_syncs_directory_id_fkey" FOREIGN KEY ("directory_id")
        REFERENCES "directories"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

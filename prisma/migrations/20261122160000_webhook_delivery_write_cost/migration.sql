-- Every delivery is written three times (fanned out, leased, finished), so each
-- index on webhook_deliveries is paid for three times per webhook. Keep only
-- those a query needs, and let the lease update skip the indexes altogether.

-- Lanes find their heads through webhook_deliveries_pending_lane_idx (pending
-- only); this full copy of it also held every finished delivery.
DROP INDEX "webhook_deliveries_endpoint_id_directory_id_event_seq_idx";

-- The sweep looks for pending deliveries that are due: a finished one needs no entry.
DROP INDEX "webhook_deliveries_status_next_attempt_at_idx";
CREATE INDEX "webhook_deliveries_pending_due_idx"
    ON "webhook_deliveries" ("next_attempt_at")
    WHERE "status" = 'pending';

-- Leasing a run sets only lease_until and updated_at, which no index holds: with
-- room left on the page, Postgres updates the row in place of the page (HOT)
-- and writes no index entry.
ALTER TABLE "webhook_deliveries" SET (fillfactor = 80);

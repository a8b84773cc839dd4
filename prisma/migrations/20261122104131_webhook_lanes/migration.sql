-- Webhook delivery lanes: one per (endpoint, directory), worked in event order.

-- The lease of the worker attempting a delivery: while it runs nobody else
-- attempts the lane; a worker that dies leaves it to expire.
ALTER TABLE "webhook_deliveries" ADD COLUMN "lease_until" TIMESTAMPTZ(6);

-- The head of a lane (its lowest pending event) in one index probe.
CREATE INDEX "webhook_deliveries_pending_lane_idx"
    ON "webhook_deliveries" ("endpoint_id", "directory_id", "event_seq")
    WHERE "status" = 'pending';

-- How far each directory's events have been fanned out into deliveries.
-- Fanning out under this row's lock creates a directory's deliveries in
-- event order, so a lane never sees a later event before an earlier one.
CREATE TABLE "webhook_fanout_cursors" (
    "directory_id" TEXT NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_fanout_cursors_pkey" PRIMARY KEY ("directory_id")
);

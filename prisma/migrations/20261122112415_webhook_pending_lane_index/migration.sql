-- A lane's head is its lowest pending delivery. The (endpoint_id, directory_id,
-- event_seq) index also holds every delivered row, so finding the head walked
-- past the whole lane's history; this one holds only what is still to send.
CREATE INDEX "webhook_deliveries_pending_lane_idx"
    ON "webhook_deliveries"("endpoint_id", "directory_id", "event_seq") WHERE "status" = 'pending';

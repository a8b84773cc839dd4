-- The event log's global order (docs/adr/0001-event-log-ordering.md).

-- The id of the transaction that appended the event (xid8 as bigint: 64-bit,
-- epoch-extended, never wraps). The log is read in (tx_id, seq) order and only
-- below pg_snapshot_xmin(pg_current_snapshot()), the oldest transaction still
-- running: nothing can later commit below that line, so a cursor never
-- overtakes an event that is still uncommitted.
ALTER TABLE "events" ADD COLUMN "tx_id" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX "events_tx_id_seq_idx" ON "events"("tx_id", "seq");
CREATE INDEX "events_directory_id_tx_id_seq_idx" ON "events"("directory_id", "tx_id", "seq");
DROP INDEX "events_tenant_id_seq_idx";
CREATE INDEX "events_tenant_id_tx_id_seq_idx" ON "events"("tenant_id", "tx_id", "seq");

-- What the outbox relay has still to move to the queue, in one small index.
CREATE INDEX "events_undispatched_seq_idx" ON "events"("seq") WHERE "dispatched_at" IS NULL;

-- How far retention has pruned the log: the position of the last pruned event.
-- A cursor below it would silently skip pruned events, so it gets 410.
CREATE TABLE "event_log_horizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "tx_id" BIGINT NOT NULL,
    "seq" BIGINT NOT NULL,
    "pruned_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_log_horizon_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "event_log_horizon_single_row" CHECK ("id" = 1)
);

-- Wakes the Events API long-polls and the outbox relay when events commit
-- (Postgres delivers a NOTIFY only at commit, and never for a rollback). The
-- payload names the tenants and directories so a filtered long-poll sleeps
-- through the others; an empty payload (too many to name) wakes everyone.
CREATE FUNCTION "roster_notify_events"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    payload text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM inserted) THEN
        RETURN NULL;
    END IF;
    SELECT json_build_object('t', json_agg(DISTINCT tenant_id), 'd', json_agg(DISTINCT directory_id))::text
      INTO payload FROM inserted;
    IF octet_length(payload) > 7900 THEN
        payload := '';
    END IF;
    PERFORM pg_notify('roster_events', payload);
    RETURN NULL;
END
$$;

CREATE TRIGGER "events_notify" AFTER INSERT ON "events"
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION "roster_notify_events"();

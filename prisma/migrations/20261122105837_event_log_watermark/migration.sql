-- The event log's read watermark (docs/adr/0001-event-log-ordering.md): every
-- transaction of THIS database that may still commit has an id at or above it,
-- and every one below it has ended. pg_snapshot_xmin alone would count the
-- transactions of every database on the server, so a long one elsewhere would
-- hold the Events API back; transactions seen running in another database (or
-- prepared there) cannot append to this events table and are left out. What
-- cannot be told apart (a role without pg_read_all_stats sees no other
-- backend's xid) is kept, which only makes the watermark lower, never wrong.
-- STABLE: it reads the calling statement's snapshot, so a query that pages
-- below it sees exactly the transactions it counted as ended.
CREATE FUNCTION "roster_event_log_watermark"() RETURNS bigint LANGUAGE sql STABLE AS $$
    WITH snapshot AS (SELECT pg_current_snapshot() AS s),
    elsewhere AS (
        SELECT backend_xid::text::bigint AS xid32 FROM pg_stat_activity
         WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database()
        UNION ALL
        SELECT transaction::text::bigint FROM pg_prepared_xacts WHERE database <> current_database()
    )
    SELECT least(
        pg_snapshot_xmax(s)::text::bigint,
        -- xid8 values in progress, matched on their low 32 bits (what pg_stat_activity shows).
        (SELECT min(x::text::bigint) FROM pg_snapshot_xip(s) AS x
          WHERE x::text::bigint % 4294967296 NOT IN (SELECT xid32 FROM elsewhere))
    ) FROM snapshot
$$;

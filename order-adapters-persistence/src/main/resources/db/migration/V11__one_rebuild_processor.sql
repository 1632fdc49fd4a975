-- The rebuilds moved from one processor per projection (<name>-replay) to one processor for all of them
-- (projection-rebuild, ADR 0004). The old processors' tokens and dead letters go. A rebuild under way at the
-- upgrade starts again from the first event in the new processor, on empty tables, as when a further rebuild
-- starts (a document row left by the old pass may be newer than the event that creates it).
DELETE FROM token_entry
WHERE processor_name IN ('order-detail-replay', 'order-timeline-replay', 'order-notes-replay', 'order-list-replay',
                         'audit-replay');
DELETE FROM projection_dead_letter
WHERE processor IN ('order-detail-replay', 'order-timeline-replay', 'order-notes-replay', 'order-list-replay',
                    'audit-replay');

DO $$
DECLARE
    rebuild record;
BEGIN
    FOR rebuild IN
        SELECT replaying_slot AS slot,
               CASE name WHEN 'order-detail' THEN 'order_detail' WHEN 'order-timeline' THEN 'order_timeline'
                         WHEN 'order-notes' THEN 'order_note' WHEN 'order-list' THEN 'order_list'
                         WHEN 'audit' THEN 'audit_entry' END AS base
        FROM projection_slot WHERE replaying_slot IS NOT NULL
    LOOP
        EXECUTE format('TRUNCATE %I', rebuild.base || '_' || rebuild.slot);
    END LOOP;
END $$;
UPDATE projection_slot SET replay_started_at = now() WHERE replaying_slot IS NOT NULL;

-- The streaming projections moved from one live processor each (order-list, audit) to one processor for all of
-- them, streaming-projections (ADR 0021), which reads the stream once for both. It starts where the slower of the
-- two stood: below every event either of them may not have handled (its lowest index, or below its lowest gap),
-- with no gaps, so the faster one handles some events again (the list applies an event only on top of the
-- version before it, the audit inserts with ON CONFLICT DO NOTHING: neither writes anything twice). A token that
-- is not a plain gap-aware one (a replay's, say) leaves the new processor without a token: it then starts from
-- the first event, like a new database, and handles every event again.
WITH old AS (
    SELECT CASE WHEN token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'
                THEN convert_from(token, 'UTF8')::jsonb END AS token
    FROM token_entry
    WHERE processor_name IN ('order-list', 'audit')
), positions AS (
    SELECT LEAST((token ->> 'index')::bigint,
                 (SELECT min(gap::bigint) - 1 FROM jsonb_array_elements_text(token -> 'gaps') AS gap)) AS position
    FROM old
)
INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'streaming-projections',
       0,
       convert_to(jsonb_build_object('index', min(position), 'gaps', jsonb_build_array())::text, 'UTF8'),
       'org.axonframework.eventhandling.GapAwareTrackingToken',
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       NULL
FROM positions
HAVING count(*) > 0 AND count(*) = count(position);

DELETE FROM token_entry WHERE processor_name IN ('order-list', 'audit');

-- parked events move with their projections; an event parked by both keeps one letter (a retry runs both)
DELETE FROM projection_dead_letter audit
WHERE audit.processor = 'audit'
  AND EXISTS (SELECT 1 FROM projection_dead_letter list
              WHERE list.processor = 'order-list' AND list.event_identifier = audit.event_identifier);
UPDATE projection_dead_letter SET processor = 'streaming-projections' WHERE processor IN ('order-list', 'audit');

-- A provable history: each stored event carries a SHA-256 over its own stored bytes and the hash of the
-- previous event of the same order. PostgreSQL computes it on insert, over bytes that never change again
-- (the payload and metadata exactly as stored), so Jackson's formatting cannot break it.
-- Canonical form (docs/compliance.md): sha256( previous_hash (32 bytes, or none for sequence 0)
--   || utf8(aggregate_identifier '|' sequence_number '|' payload_type '|' payload_revision '|' time_stamp '|')
--   || int4(length(payload)) || payload || int4(length(meta_data)) || meta_data )

ALTER TABLE domain_event_entry ADD COLUMN hash BYTEA;

CREATE FUNCTION ordo_event_hash(previous BYTEA, e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(
        COALESCE(previous, ''::bytea)
        || convert_to(e.aggregate_identifier || '|' || e.sequence_number || '|' || e.payload_type || '|'
                      || COALESCE(e.payload_revision, '') || '|' || e.time_stamp || '|', 'UTF8')
        || int4send(length(e.payload)) || e.payload
        || int4send(COALESCE(length(e.meta_data), -1)) || COALESCE(e.meta_data, ''::bytea))
$$;

CREATE FUNCTION ordo_chain_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequence_number > 0 THEN
        SELECT hash INTO previous FROM domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
    END IF;
    NEW.hash := ordo_event_hash(previous, NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ordo_chain_event();

-- events stored before this migration join the chain now
UPDATE domain_event_entry e SET hash = NULL;
DO $$
DECLARE
    r domain_event_entry;
    previous BYTEA;
    current_aggregate VARCHAR(255) := NULL;
BEGIN
    FOR r IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        IF current_aggregate IS DISTINCT FROM r.aggregate_identifier THEN
            previous := NULL;
            current_aggregate := r.aggregate_identifier;
        END IF;
        previous := ordo_event_hash(previous, r);
        UPDATE domain_event_entry SET hash = previous WHERE global_index = r.global_index;
    END LOOP;
END
$$;

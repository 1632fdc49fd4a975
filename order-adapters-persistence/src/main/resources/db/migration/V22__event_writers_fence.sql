-- The fence between commands and a projection's pointer change (ADR 0019). Every transaction that stores an event
-- takes a shared transaction lock on one advisory key, 7301 (ProjectionSlots.EVENT_WRITERS), in the event's insert;
-- a rebuild's start and a flip take it exclusively, so they wait for every command in flight and keep new ones at
-- their first insert until they commit. The projections written in a command's transaction run after its events are
-- inserted (Axon appends before it publishes), so they read their pointers without a row lock of their own: in
-- PostgreSQL a share lock on a row that sixteen transactions share writes a new multixact into the row each time.
CREATE OR REPLACE FUNCTION ordo_chain_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7301);
    IF NEW.sequence_number > 0 THEN
        SELECT hash INTO previous FROM domain_event_entry
        WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
    END IF;
    NEW.hash := ordo_event_hash(previous, NEW);
    RETURN NEW;
END
$$;

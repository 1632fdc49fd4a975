-- The fence between commands and a projection's pointer change (ADR 0019). Every statement that stores events takes a
-- shared transaction lock on one advisory key, 7301 (ProjectionSlots.EVENT_WRITERS), held until its transaction ends;
-- a rebuild's start and a flip take it exclusively, so they wait for every command in flight and keep new ones at
-- their first insert until they commit. The projections written in a command's transaction run after its events are
-- inserted (Axon appends before it publishes), so they read their pointers without a row lock of their own: in
-- PostgreSQL a share lock on a row that sixteen transactions share writes a new multixact into the row each time.
-- A trigger of its own beside the hash chain's (V4), once per statement.
CREATE FUNCTION ordo_fence_event_writers() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7301);
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_fence BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ordo_fence_event_writers();

-- The hash chain's function (V4) as STABLE, which is what it is: convert_to and text || bigint are STABLE in
-- PostgreSQL. Declared IMMUTABLE, its body could not be inlined into the expression that calls it (the planner does
-- not inline a function whose body is more volatile than its label), so PostgreSQL ran it as a separate SQL function,
-- parsing and planning its body again in every transaction that stored an event. As STABLE it is inlined: the
-- trigger's expression is planned once per connection, and verify's query computes the hash in place. The formula,
-- and so every stored hash, is unchanged.
ALTER FUNCTION ordo_event_hash(BYTEA, domain_event_entry) STABLE;

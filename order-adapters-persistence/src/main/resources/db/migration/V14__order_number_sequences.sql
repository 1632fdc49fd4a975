-- Order numbers from one sequence per tenant and year instead of one counter row (V1). Every create updated the
-- row in a transaction of its own and held the row's lock until that commit was on disk, so the creates of a
-- tenant took their numbers one disk flush after another: the flushes could not be shared between them, and a slow
-- flush held every create of the tenant back. A sequence's nextval takes no row lock, and it writes WAL (and waits
-- for it to reach the disk) once per 32 numbers only; the order's own commit flushes the WAL before it, so a number
-- in use survives a crash.
-- A number is still never handed out twice, and a failed command still leaves a gap.
--
-- The sequence of a tenant and year is created on its first number, starting after the V1 counter's value, so a
-- database upgraded from V13 goes on where its counters stopped. The counter table stays, read for that only.
-- All nodes must run this version together: a node still on V13 would count on the old row, and an order number
-- it then handed out twice would be refused by order_detail_number_unique.
CREATE FUNCTION next_order_number(tenant VARCHAR, for_year INTEGER) RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    sequence_name TEXT := 'order_number_' || md5(tenant) || '_' || for_year;
    counted BIGINT;
BEGIN
    IF to_regclass(sequence_name) IS NULL THEN
        SELECT c.last_value INTO counted FROM order_number_counter c WHERE c.tenant_id = tenant AND c.year = for_year;
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', sequence_name, coalesce(counted, 0) + 1);
    END IF;
    RETURN nextval(sequence_name::regclass);
END
$$;

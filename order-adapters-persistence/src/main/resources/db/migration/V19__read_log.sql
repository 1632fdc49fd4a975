-- The read log (docs/api.md, "Who read what"): one row per answer about an order (detail, asOf, timeline,
-- notes, events) and per audit export, written in batches behind the reads (JdbcReadLog). Newest first by (at, id);
-- compliance filters by actor or order within a tenant, and by time, so each filter has an index that ends in
-- (at, id): a page starts where its time range and cursor start and reads rows in index order until the limit,
-- however many millions the table holds. Rows older than ordo.read-log.retention are deleted by time, which the
-- BRIN index finds (rows are appended in time order).
CREATE TABLE read_access (
    id         BIGSERIAL     PRIMARY KEY,
    tenant_id  VARCHAR(100)  NOT NULL,
    at         TIMESTAMPTZ   NOT NULL,
    actor      VARCHAR(255)  NOT NULL,
    order_id   UUID,
    what       VARCHAR(16)   NOT NULL CHECK (what IN ('detail', 'asOf', 'timeline', 'notes', 'events', 'export')),
    filters    TEXT
);

CREATE INDEX read_access_tenant ON read_access (tenant_id, at DESC, id DESC);
CREATE INDEX read_access_actor ON read_access (tenant_id, actor, at DESC, id DESC);
CREATE INDEX read_access_order ON read_access (tenant_id, order_id, at DESC, id DESC) WHERE order_id IS NOT NULL;
CREATE INDEX read_access_at ON read_access USING brin (at);

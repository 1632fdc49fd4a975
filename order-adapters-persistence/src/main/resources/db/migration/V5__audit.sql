-- The audit trail across a tenant: one row per stored event, fed by a streaming projection (may lag by up
-- to a second). Indexes follow the queries: newest first, narrowed by actor, type or order.
CREATE TABLE audit_entry (
    order_id        UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    tenant_id       VARCHAR(100) NOT NULL,
    order_number    VARCHAR(40),
    type            VARCHAR(64)  NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    by_user         VARCHAR(255),
    source          VARCHAR(16)  NOT NULL,
    reason          TEXT,
    PRIMARY KEY (order_id, sequence_number)
);

CREATE INDEX audit_entry_tenant_at ON audit_entry (tenant_id, at DESC, order_id DESC, sequence_number DESC);
CREATE INDEX audit_entry_tenant_actor_at ON audit_entry (tenant_id, by_user, at DESC, order_id DESC, sequence_number DESC);
CREATE INDEX audit_entry_tenant_type_at ON audit_entry (tenant_id, type, at DESC, order_id DESC, sequence_number DESC);
CREATE INDEX audit_entry_order ON audit_entry (order_id, sequence_number DESC);

-- Personal data at rest (ADR 0015): every order's personal fields in its events are sealed with
-- a key of its own (AES-256-GCM), kept here wrapped by the master key (ordo.secrets.key). A key is written in the
-- transaction of the order's first event that holds personal data. Events are never rewritten: destroying a key
-- (wrapped_key set to null) leaves its order's personal fields unreadable in every stored event and snapshot.
CREATE TABLE order_data_key (
    order_id     UUID          PRIMARY KEY,
    tenant_id    VARCHAR(100),
    customer_id  VARCHAR(100),
    wrapped_key  BYTEA,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    erased_at    TIMESTAMPTZ
);

CREATE INDEX order_data_key_customer ON order_data_key (tenant_id, customer_id) WHERE customer_id IS NOT NULL;

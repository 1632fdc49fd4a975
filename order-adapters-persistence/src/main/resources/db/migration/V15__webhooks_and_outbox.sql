-- Inbound webhooks, outbound notifications and the outbox both those and Kafka are sent from (docs/api.md,
-- "Webhooks, notifications, live stream, Kafka"; docs/adr/0012).

-- A tenant's webhook providers. The secret is AES-256-GCM ciphertext (12-byte nonce, then ciphertext and tag) under
-- the key of ordo.secrets.key, so that a copy of the database does not give it away.
CREATE TABLE webhook_provider (
    tenant_id  VARCHAR(64)  NOT NULL,
    name       VARCHAR(40)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    secret     BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    rotated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- What providers sent, with the outcome. The unique key is what makes an event id apply once: the applied ones are
-- written in the transaction of the order's events, so of two deliveries racing with one id only one commits.
CREATE TABLE webhook_delivery (
    id          BIGSERIAL    PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    provider    VARCHAR(40)  NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    order_id    UUID,
    status      VARCHAR(200),
    outcome     VARCHAR(16)  NOT NULL,
    reason      TEXT,
    CONSTRAINT webhook_delivery_once UNIQUE (tenant_id, provider, event_id)
);
CREATE INDEX webhook_delivery_newest ON webhook_delivery (tenant_id, provider, id DESC);

-- A tenant's notification subscriptions; the secret as for providers.
CREATE TABLE subscription (
    id         UUID         PRIMARY KEY,
    tenant_id  VARCHAR(64)  NOT NULL,
    url        TEXT         NOT NULL,
    secret     BYTEA        NOT NULL,
    events     TEXT[]       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX subscription_tenant ON subscription (tenant_id);

-- One row per event and destination (a subscription, or 'kafka'), written in the event's own transaction; the row
-- is also the delivery log. Only the oldest pending row of an order and destination is sent (in order per order);
-- a node claims rows until claimed_until, so one node at a time sends a row.
CREATE TABLE outbox (
    id              BIGSERIAL    PRIMARY KEY,
    destination     VARCHAR(64)  NOT NULL,
    subscription_id UUID         REFERENCES subscription (id) ON DELETE CASCADE,
    tenant_id       VARCHAR(64)  NOT NULL,
    order_id        UUID         NOT NULL,
    sequence        BIGINT       NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    type            VARCHAR(100) NOT NULL,
    body            TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL DEFAULT 'pending',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    claimed_by      VARCHAR(200),
    claimed_until   TIMESTAMPTZ
);
CREATE INDEX outbox_pending_per_order ON outbox (destination, order_id, id) WHERE state = 'pending';
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_subscription_newest ON outbox (subscription_id, id DESC);

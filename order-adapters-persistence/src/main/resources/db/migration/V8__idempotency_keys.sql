-- Idempotency-Key (CONTRACT.md section 3): one row per (tenant, user, key) for 24 hours. A request claims
-- its key before it runs (so duplicates wait for it), the command's own transaction marks it committed
-- (IdempotencyKeyRecorder: the key and the events commit together), and the answer is stored afterwards
-- for replay. 5xx answers are not recorded: the row is removed.
CREATE TABLE idempotency_key (
    tenant_id        VARCHAR(100)  NOT NULL,
    user_id          VARCHAR(255)  NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request          TEXT          NOT NULL,
    state            VARCHAR(16)   NOT NULL CHECK (state IN ('running', 'committed', 'done')),
    response_status  INTEGER,
    response_body    TEXT,
    content_type     VARCHAR(255),
    location         VARCHAR(1000),
    etag             VARCHAR(100),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    claimed_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, idempotency_key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

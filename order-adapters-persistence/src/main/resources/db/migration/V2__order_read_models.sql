-- Read models. order_detail and order_timeline are written in the command's own transaction
-- (subscribing processors: read-your-writes on every node); order_list by a streaming processor.

CREATE TABLE order_detail (
    order_id     UUID         NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(100) NOT NULL,
    order_number VARCHAR(40)  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    location     VARCHAR(100),
    customer_id  VARCHAR(100),
    version      BIGINT       NOT NULL,
    document     JSONB        NOT NULL,
    -- the guard against duplicate order numbers: a violation rolls the creating command back
    CONSTRAINT order_detail_number_unique UNIQUE (tenant_id, order_number)
);

CREATE TABLE order_timeline (
    order_id        UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    tenant_id       VARCHAR(100) NOT NULL,
    status          VARCHAR(64)  NOT NULL,
    previous_status VARCHAR(64),
    at              TIMESTAMPTZ  NOT NULL,
    by_user         VARCHAR(255) NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    reason          TEXT,
    note            TEXT,
    carrier         VARCHAR(255),
    tracking_number VARCHAR(255),
    PRIMARY KEY (order_id, sequence_number)
);

CREATE TABLE order_list (
    order_id        UUID          NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(100)  NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    workflow        VARCHAR(32)   NOT NULL,
    status          VARCHAR(64)   NOT NULL,
    active          BOOLEAN       NOT NULL,
    customer_id     VARCHAR(100),
    contact_id      VARCHAR(255),
    conversation_id VARCHAR(255),
    location        VARCHAR(100),
    priority        INTEGER       NOT NULL,
    total_amount    NUMERIC(30, 4),
    created_by      VARCHAR(255)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ,
    last_changed_at TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL,
    search_text     TEXT          NOT NULL,
    document        JSONB         NOT NULL
);

CREATE INDEX order_list_created ON order_list (tenant_id, created_at DESC, order_id DESC);
CREATE INDEX order_list_status_created ON order_list (tenant_id, status, created_at DESC, order_id DESC);
CREATE INDEX order_list_changed ON order_list (tenant_id, last_changed_at DESC, order_id DESC);

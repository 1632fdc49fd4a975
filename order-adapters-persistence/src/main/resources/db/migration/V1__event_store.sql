-- Axon's JDBC event store, token store and dead-letter queue in snake_case, shaped exactly like
-- the tables Axon's own PostgreSQL table factories generate (see EventStoreConfiguration).

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA        NULL,
    token_type     VARCHAR(255) NULL,
    timestamp      VARCHAR(255) NULL,
    owner          VARCHAR(255) NULL,
    PRIMARY KEY (processor_name, segment)
);

-- Order numbers ORD-<year>-<n>: one counter row per tenant and year, advanced with UPDATE ... RETURNING.
CREATE TABLE order_number_counter (
    tenant_id  VARCHAR(100) NOT NULL,
    year       INTEGER      NOT NULL,
    last_value BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

-- Events a streaming projection could not handle, parked per order: once one event of an order is parked,
-- the order's later events wait behind it (their order matters), while other orders carry on. An operator
-- lists them (without payloads) and retries them after the fix.
CREATE TABLE projection_dead_letter (
    id                BIGSERIAL    PRIMARY KEY,
    processor         VARCHAR(64)  NOT NULL,
    projection        VARCHAR(64)  NOT NULL,
    order_id          VARCHAR(255) NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    event_identifier  VARCHAR(255) NOT NULL,
    event_type        VARCHAR(255) NOT NULL,
    error             TEXT         NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 1,
    parked_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_attempt_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (processor, event_identifier)
);

CREATE INDEX projection_dead_letter_sequence ON projection_dead_letter (processor, order_id, sequence_number);

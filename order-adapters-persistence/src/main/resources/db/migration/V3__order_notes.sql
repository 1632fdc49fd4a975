-- The discussion of each order, written in the command's transaction (read-your-writes like the detail).
CREATE TABLE order_note (
    order_id        UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    tenant_id       VARCHAR(100) NOT NULL,
    note_id         VARCHAR(64)  NOT NULL,
    by_user         VARCHAR(255) NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    text            TEXT         NOT NULL,
    PRIMARY KEY (order_id, sequence_number)
);

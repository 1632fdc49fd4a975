-- Replay without a gap (DESIGN-NOTES, docs/adr/0004): every projection owns two sets of tables, blue and
-- green. A one-row pointer per projection says which set queries read (active_slot) and which set a replay
-- is rebuilding (replaying_slot). Live handlers write the active set and, during a replay, the replaying
-- set too; a replay processor rebuilds the replaying set from the first event; once it has caught up with
-- the head of the stream the pointer flips in one transaction.
CREATE TABLE projection_slot (
    name                   VARCHAR(64) NOT NULL PRIMARY KEY,
    active_slot            VARCHAR(8)  NOT NULL CHECK (active_slot IN ('blue', 'green')),
    replaying_slot         VARCHAR(8)  CHECK (replaying_slot IN ('blue', 'green')),
    replay_started_at      TIMESTAMPTZ,
    replay_target_position BIGINT,
    flipped_at             TIMESTAMPTZ
);

INSERT INTO projection_slot (name, active_slot) VALUES
    ('order-detail', 'blue'), ('order-timeline', 'blue'), ('order-notes', 'blue'), ('order-list', 'blue'),
    ('audit', 'blue');

ALTER TABLE order_detail RENAME TO order_detail_blue;
ALTER TABLE order_timeline RENAME TO order_timeline_blue;
ALTER TABLE order_note RENAME TO order_note_blue;
ALTER TABLE order_list RENAME TO order_list_blue;
ALTER TABLE audit_entry RENAME TO audit_entry_blue;

CREATE TABLE order_detail_green (LIKE order_detail_blue INCLUDING ALL);
CREATE TABLE order_timeline_green (LIKE order_timeline_blue INCLUDING ALL);
CREATE TABLE order_note_green (LIKE order_note_blue INCLUDING ALL);
CREATE TABLE order_list_green (LIKE order_list_blue INCLUDING ALL);
CREATE TABLE audit_entry_green (LIKE audit_entry_blue INCLUDING ALL);

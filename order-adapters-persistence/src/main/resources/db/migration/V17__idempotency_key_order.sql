-- The order a committed key's events belong to (IdempotencyKeyRecorder sets it with the state): when the node
-- died between the commit and storing the answer, a retry with the key answers that order as it is now
-- (docs/adr/0013-lost-idempotent-answers.md) instead of waiting for an answer that never comes.
ALTER TABLE idempotency_key ADD COLUMN order_id VARCHAR(36);

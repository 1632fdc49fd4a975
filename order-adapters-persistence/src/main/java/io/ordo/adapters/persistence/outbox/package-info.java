/**
 * The transactional outbox (docs/adr/0012): a row per event and destination written in the event's transaction,
 * and the dispatcher that sends them, signed, to subscribers and to Kafka, in order per order, with back-off.
 */
package io.ordo.adapters.persistence.outbox;

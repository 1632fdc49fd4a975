/**
 * Personal data at rest: the customer's name, phone and e-mail, the delivery address and the contact snapshots are
 * stored in the events sealed with a key of their order (AES-GCM), which the master key wraps. Readers through the
 * event serializer see them open; destroying an order's key leaves {@code "[erased]"} in their place.
 */
package io.ordo.adapters.persistence.personal;

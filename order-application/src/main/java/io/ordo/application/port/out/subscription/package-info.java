/** Ports out of outbound notifications: the subscriptions and their delivery log (the outbox). */
package io.ordo.application.port.out.subscription;

/** Use cases of outbound notifications: a tenant's subscriptions and what was sent to each. */
package io.ordo.application.port.in.subscription;

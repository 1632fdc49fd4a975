/** Outbound notifications: subscriptions, and the guard that keeps them off private networks. */
package io.ordo.application.service.subscription;

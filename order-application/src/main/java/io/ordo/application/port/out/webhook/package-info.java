/** Ports out of inbound webhooks: the registered providers and the deliveries they made. */
package io.ordo.application.port.out.webhook;

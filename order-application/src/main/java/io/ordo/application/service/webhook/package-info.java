/** Inbound webhooks: the providers' registry and the mapping of what they report onto the orders. */
package io.ordo.application.service.webhook;

/** Inbound webhooks over HTTP: the providers' registry, and the signed endpoint they post to. */
package io.ordo.adapters.web.webhook;

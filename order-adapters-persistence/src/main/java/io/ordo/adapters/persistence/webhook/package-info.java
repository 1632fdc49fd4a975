/** Inbound webhooks in PostgreSQL: the providers (secrets sealed) and every delivery with its outcome. */
package io.ordo.adapters.persistence.webhook;

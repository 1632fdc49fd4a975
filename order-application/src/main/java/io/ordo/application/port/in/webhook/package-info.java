/** Use cases of inbound webhooks: registering a tenant's providers, and hearing what they report. */
package io.ordo.application.port.in.webhook;

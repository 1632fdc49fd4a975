/** Outbound notifications over HTTP: a tenant admin's subscriptions and their delivery log. */
package io.ordo.adapters.web.subscription;

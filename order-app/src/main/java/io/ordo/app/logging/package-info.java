/**
 * The logging context of messages: a command carries its request's correlation id, and the handling of a command or
 * event logs with the correlation id, tenant, user and order of its metadata, on whichever thread it runs.
 */
package io.ordo.app.logging;

/** Service: Idempotency-Key claims, answers and their purge. */
package io.ordo.application.service.idempotency;

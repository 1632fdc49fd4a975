/** Use case: remembering the answers of requests sent with an Idempotency-Key. */
package io.ordo.application.port.in.idempotency;

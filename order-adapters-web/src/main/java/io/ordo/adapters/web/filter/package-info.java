/** Servlet filters around every API call: body size, NUL characters, rate limits and Idempotency-Key replays. */
package io.ordo.adapters.web.filter;

/** Test support: the shared real PostgreSQL, the integration-test annotation and an HTTP client. */
package io.ordo.app.support;

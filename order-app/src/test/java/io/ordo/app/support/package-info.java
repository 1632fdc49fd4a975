/** Test support: the integration-test annotation and an HTTP client. */
package io.ordo.app.support;

/** Customers over HTTP: forgetting one (the right to erasure). */
package io.ordo.adapters.web.customer;

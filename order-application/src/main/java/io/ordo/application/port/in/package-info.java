/** Ports in: the use cases Ordo offers, with the shapes they take and answer. */
package io.ordo.application.port.in;

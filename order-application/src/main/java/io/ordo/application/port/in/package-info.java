/** Ports in: the use cases Ordo offers, one sub-package per feature; here the caller and the refusals they share. */
package io.ordo.application.port.in;

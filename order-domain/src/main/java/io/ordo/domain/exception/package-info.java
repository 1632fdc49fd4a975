/** The refusals of the domain, each mapping to one contract {@code code}. */
package io.ordo.domain.exception;

/** Erasure: each order of a customer records its own {@code CustomerErased}. */
package io.ordo.application.service.erasure;

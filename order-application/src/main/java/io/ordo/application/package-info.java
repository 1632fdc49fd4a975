/** The application layer: use cases over the Order aggregate, free of Spring and HTTP. */
package io.ordo.application;

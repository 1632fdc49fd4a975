/** The composition root: the Spring Boot main, the hand wiring of use cases and adapters, the embedded database. */
package io.ordo.app;

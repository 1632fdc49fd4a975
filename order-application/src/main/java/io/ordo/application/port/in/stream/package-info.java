/** The live stream of order events, as each caller may see it. */
package io.ordo.application.port.in.stream;

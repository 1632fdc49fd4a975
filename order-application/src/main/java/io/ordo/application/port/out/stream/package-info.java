/** Port out of the live stream: the events as the store holds them, replayed and as they come. */
package io.ordo.application.port.out.stream;

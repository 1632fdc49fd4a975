/** The live stream's feed: the event store read by global position, on every node. */
package io.ordo.adapters.persistence.stream;

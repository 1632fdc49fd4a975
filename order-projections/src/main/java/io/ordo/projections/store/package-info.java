/** How projections write: the blue/green pointer, buffers per batch, facts read from the event store. */
package io.ordo.projections.store;

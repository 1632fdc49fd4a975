/** Events a streaming projection could not handle, parked per order until retried. */
package io.ordo.projections.deadletter;

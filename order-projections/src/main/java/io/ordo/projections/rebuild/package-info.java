/** Blue-green rebuilds: replaying the events into the idle tables, then flipping the pointer. */
package io.ordo.projections.rebuild;

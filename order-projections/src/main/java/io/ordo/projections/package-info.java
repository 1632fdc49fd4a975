/**
 * Projections: the read models built from the events, one sub-package each, and {@link io.ordo.projections.Projection},
 * the one list that declares them.
 */
package io.ordo.projections;

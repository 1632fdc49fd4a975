/** The list search planner: which pieces of {@code q} the trigram index is asked for. */
package io.ordo.projections.search;

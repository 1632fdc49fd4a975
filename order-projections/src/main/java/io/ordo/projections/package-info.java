/** Projections: event handlers building the order detail, timeline and list read models, and the queries on them. */
package io.ordo.projections;

/** Projections of one order: detail, timeline, discussion and the list, and the queries on them. */
package io.ordo.projections.order;

/** Reports computed from the list and timeline read models. */
package io.ordo.projections.report;

/** Projection: the audit trail of every tenant, and the queries on it. */
package io.ordo.projections.audit;

/** Persistence adapter: Axon's JDBC event and token store on PostgreSQL, Flyway migrations, order numbers. */
package io.ordo.adapters.persistence;

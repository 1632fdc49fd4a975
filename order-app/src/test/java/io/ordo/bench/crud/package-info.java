/** The benchmark's yardstick: a plain CRUD order service, measured beside Ordo on the same database. */
package io.ordo.bench.crud;

/** Shared secrets at rest: encrypted under a key that lives outside the database. */
package io.ordo.adapters.persistence.secret;

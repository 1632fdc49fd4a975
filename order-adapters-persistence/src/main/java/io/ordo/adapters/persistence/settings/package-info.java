/** A tenant's settings in PostgreSQL: its stuck limits. */
package io.ordo.adapters.persistence.settings;

/** Test support shared through the test-jar: the real PostgreSQL every test module talks to. */
package io.ordo.adapters.persistence.testing;

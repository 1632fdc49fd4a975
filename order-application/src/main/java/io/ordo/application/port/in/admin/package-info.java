/** Use cases of the platform operator: projection rebuilds and dead letters. */
package io.ordo.application.port.in.admin;

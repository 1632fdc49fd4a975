/** Services of the platform operator: projection rebuilds and dead letters. */
package io.ordo.application.service.admin;

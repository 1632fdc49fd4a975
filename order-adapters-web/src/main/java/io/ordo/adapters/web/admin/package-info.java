/** Platform operator endpoints: projection rebuilds and dead letters ({@code /api/admin/**}). */
package io.ordo.adapters.web.admin;

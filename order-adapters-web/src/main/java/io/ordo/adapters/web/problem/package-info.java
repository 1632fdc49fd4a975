/** Every refusal as application/problem+json with its contract {@code code}. */
package io.ordo.adapters.web.problem;

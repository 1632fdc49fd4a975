/** Who is calling: JWT bearer tokens or the demo users, the principal and the caller it gives the use cases. */
package io.ordo.adapters.web.security;

package io.ordo.adapters.web.security;

import io.ordo.application.port.in.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated JWT into an Ordo user: {@code sub} is the user id, {@code tenant}, {@code roles} (array),
 * and the optional {@code location} and {@code customer_id}. A token without a tenant is refused (401) unless
 * it names the platform operator, who has none.
 */
public final class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token names no subject.");
        }
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        if (roles == null || roles.isEmpty()) {
            throw new InvalidBearerTokenException("The token grants no roles.");
        }
        if (roles.contains(Caller.WEBHOOK_PROVIDER)) {
            // a webhook provider is no person: it is proven by a webhook's signature, never by a token
            throw new InvalidBearerTokenException("The token grants a role no user may have.");
        }
        String claimed = jwt.getClaimAsString("tenant");
        String tenant = claimed == null || claimed.isBlank() ? null : claimed;
        if (tenant == null && !roles.contains("operator")) {
            throw new InvalidBearerTokenException("The token names no tenant.");
        }
        var principal = new OrdoPrincipal(
                subject,
                tenant,
                Set.copyOf(roles),
                jwt.getClaimAsString("location"),
                jwt.getClaimAsString("customer_id"),
                null);
        return new PrincipalAuthentication(principal, jwt);
    }

    /** An authenticated Ordo user backed by a bearer token. */
    static final class PrincipalAuthentication extends AbstractAuthenticationToken {
        private final OrdoPrincipal principal;
        private final Jwt token;

        PrincipalAuthentication(OrdoPrincipal principal, Jwt token) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }
}

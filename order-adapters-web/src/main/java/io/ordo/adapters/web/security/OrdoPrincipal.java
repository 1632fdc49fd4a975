package io.ordo.adapters.web.security;

import io.ordo.application.port.in.Caller;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An authenticated Ordo user: user id, tenant (null for the platform operator), roles, and the optional
 * location and customer id. The only source of a {@link Caller}.
 */
public record OrdoPrincipal(
        String userId, String tenantId, Set<String> roles, String location, String customerId, String passwordHash)
        implements UserDetails {

    public Caller toCaller() {
        return new Caller(userId, tenantId, roles, location, customerId);
    }

    /** The Ordo user of this request, if security signed one in (a filter lets security answer otherwise). */
    public static Optional<OrdoPrincipal> signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OrdoPrincipal principal
                ? Optional.of(principal)
                : Optional.empty();
    }

    public static Caller callerOf(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof OrdoPrincipal principal) {
            return principal.toCaller();
        }
        throw new InsufficientAuthenticationException("not an Ordo user");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return userId;
    }
}

package io.ordo.adapters.web.filter;

import io.ordo.adapters.web.security.OrdoPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter for the requests that security signed an Ordo user in for. It runs after authentication; any other
 * request passes on untouched, for security to answer.
 */
public abstract class SignedInFilter extends OncePerRequestFilter {

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var signedIn = OrdoPrincipal.signedIn();
        if (signedIn.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        doFilterSignedIn(request, response, chain, signedIn.get());
    }

    /** Filters a request of {@code principal}. */
    protected abstract void doFilterSignedIn(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, OrdoPrincipal principal)
            throws ServletException, IOException;
}

package io.ordo.adapters.web.logging;

import io.ordo.adapters.web.filter.SignedInFilter;
import io.ordo.adapters.web.security.OrdoPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Right after authentication: the tenant and user the request is made for join its logging context
 * ({@link RequestLogFilter} takes them out again when the request is answered).
 */
public class CallerLogFilter extends SignedInFilter {

    @Override
    protected void doFilterSignedIn(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, OrdoPrincipal principal)
            throws ServletException, IOException {
        LogContext.enter(null, principal.tenantId(), principal.userId(), null);
        chain.doFilter(request, response);
    }
}

package io.ordo.adapters.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api/**} request is authenticated; health and the API description are open. Two sources of
 * users: JWT bearer tokens when {@code ORDO_JWT_ISSUER_URI} or {@code ORDO_JWT_JWK_SET_URI} is set, else the
 * contract's demo users over HTTP Basic (with a warning, and never under the {@code prod} profile). 401 and
 * 403 from the security layer are problem+json like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String JWT_CONFIGURED = "'${ordo.jwt.issuer-uri:}' != '' or '${ordo.jwt.jwk-set-uri:}' != ''";

    /**
     * Every answer's Content-Security-Policy: scripts, connections and everything else from the service itself only
     * (the console runs offline, no inline script); inline styles only for the OpenAPI browser's widgets.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * No observations of Spring Security's own: without this bean it wraps each of its filters, and the
     * authentication and authorisation managers, in an observation on every request (the property
     * {@code management.observations.enable.spring.security=false} made them no-ops, but the wrappers stayed: about
     * 3 % of the service's CPU per write, docs/benchmarks.md). The request itself is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectMapper json,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<DemoUsers> demoUsers,
            ObjectProvider<AuthenticationManager> basic)
            throws Exception {
        http.securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/error",
                                // a webhook authenticates by its signature, checked by the use case
                                "/api/webhooks/*/*")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**")
                        .hasRole("operator")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(x -> x.authenticationEntryPoint((request, response, e) ->
                                unauthenticated(request, response, json, jwtDecoder.getIfAvailable() != null))
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                json,
                                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You may not do this."))));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(
                    o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new JwtPrincipalConverter()))
                            .authenticationEntryPoint(
                                    (request, response, e) -> unauthenticated(request, response, json, true)));
        } else {
            http.authenticationManager(basic.getObject())
                    .httpBasic(b -> b.authenticationEntryPoint(
                            (request, response, e) -> unauthenticated(request, response, json, false)));
        }
        return http.build();
    }

    /**
     * 401 with the scheme to use; but a script's request ({@code X-Requested-With: XMLHttpRequest}, as the console
     * sends) gets no {@code Basic} challenge, which would make the browser open its own password dialog over the
     * page's sign-in screen.
     */
    private static void unauthenticated(
            HttpServletRequest request, HttpServletResponse response, ObjectMapper json, boolean bearer)
            throws IOException {
        boolean script = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        if (bearer || !script) {
            response.setHeader("WWW-Authenticate", bearer ? "Bearer" : "Basic realm=\"ordo\"");
        }
        Problems.write(
                response,
                json,
                Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authenticate to use the API."));
    }

    /** Production: OAuth2 resource server; tokens checked for signature, expiry and (when given) issuer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(JWT_CONFIGURED)
    static class JwtUsers {

        @Bean
        JwtDecoder jwtDecoder(
                @Value("${ordo.jwt.issuer-uri:}") String issuer, @Value("${ordo.jwt.jwk-set-uri:}") String jwkSetUri) {
            log.info("Authenticating JWT bearer tokens (issuer '{}', keys '{}')", issuer, jwkSetUri);
            if (jwkSetUri.isBlank()) {
                // discovery on first use: the service starts even while the issuer is briefly away
                return new SupplierJwtDecoder(
                        () -> NimbusJwtDecoder.withIssuerLocation(issuer).build());
            }
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            OAuth2TokenValidator<Jwt> validator =
                    issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validator));
            return decoder;
        }
    }

    /** The embedded default: demo users over HTTP Basic. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!(" + JWT_CONFIGURED + ")")
    static class DemoUserLogin {

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        DemoUsers demoUsers(PasswordEncoder encoder, Environment environment) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("The prod profile refuses the demo users: configure JWT with "
                        + "ORDO_JWT_ISSUER_URI or ORDO_JWT_JWK_SET_URI.");
            }
            var users = new DemoUsers(encoder);
            log.warn(
                    "DEMO USERS ENABLED (HTTP Basic, password 'demo'): {}. Set ORDO_JWT_ISSUER_URI or "
                            + "ORDO_JWT_JWK_SET_URI for real use.",
                    users.names());
            return users;
        }

        @Bean
        AuthenticationManager authenticationManager(DemoUsers users, PasswordEncoder encoder, Clock clock) {
            var dao = new DaoAuthenticationProvider(users);
            dao.setPasswordEncoder(encoder);
            return new ProviderManager(new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), clock));
        }
    }
}

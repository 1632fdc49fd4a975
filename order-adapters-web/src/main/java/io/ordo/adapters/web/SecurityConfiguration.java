package io.ordo.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /api/**} request is authenticated; health and the API description are open. The embedded
 * default authenticates the contract's demo users with HTTP Basic (a warning says so at start-up); 401 and
 * 403 from the security layer are problem+json like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DemoUsers demoUsers(PasswordEncoder encoder) {
        var users = new DemoUsers(encoder);
        log.warn("DEMO USERS ENABLED (HTTP Basic, password 'demo'): {}. Configure a JWT issuer for real use.",
                users.names());
        return users;
    }

    @Bean
    AuthenticationManager authenticationManager(DemoUsers users, PasswordEncoder encoder, Clock clock) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingAuthenticationProvider(dao, Duration.ofMinutes(5), clock));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager authenticationManager)
            throws Exception {
        return http
                .securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").authenticated()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"ordo\"");
                    Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                            "Authenticate to use the API."));
                }))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"ordo\"");
                            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                    "Authenticate to use the API."));
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You may not do this."))))
                .build();
    }
}

package io.ordo.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.admin.AdminController;
import io.ordo.adapters.web.audit.AuditController;
import io.ordo.adapters.web.console.ConsoleController;
import io.ordo.adapters.web.console.ConsoleSignOn;
import io.ordo.adapters.web.customer.ErasureController;
import io.ordo.adapters.web.filter.IdempotencyFilter;
import io.ordo.adapters.web.filter.NulCharacterFilter;
import io.ordo.adapters.web.filter.RateLimitFilter;
import io.ordo.adapters.web.filter.RequestSizeLimitFilter;
import io.ordo.adapters.web.json.WebJsonConfiguration;
import io.ordo.adapters.web.logging.CallerLogFilter;
import io.ordo.adapters.web.logging.RequestLogFilter;
import io.ordo.adapters.web.openapi.ApiDocumentation;
import io.ordo.adapters.web.order.AssignmentController;
import io.ordo.adapters.web.order.OrderController;
import io.ordo.adapters.web.order.WorkflowController;
import io.ordo.adapters.web.problem.ProblemAdvice;
import io.ordo.adapters.web.problem.ProblemErrorController;
import io.ordo.adapters.web.problem.ProblemErrorReportValve;
import io.ordo.adapters.web.problem.RejectedRequests;
import io.ordo.adapters.web.report.ReportController;
import io.ordo.adapters.web.report.StuckLimitsController;
import io.ordo.adapters.web.security.MeController;
import io.ordo.adapters.web.security.SecurityConfiguration;
import io.ordo.adapters.web.stream.OrderStreamController;
import io.ordo.adapters.web.subscription.SubscriptionController;
import io.ordo.adapters.web.webhook.WebhookController;
import io.ordo.adapters.web.webhook.WebhookProviderController;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/** The web adapter's controllers, problem advice and security, plus the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@Import({
    OrderController.class,
    AssignmentController.class,
    ErasureController.class,
    MeController.class,
    ConsoleController.class,
    AuditController.class,
    ReportController.class,
    AdminController.class,
    WorkflowController.class,
    WebhookController.class,
    WebhookProviderController.class,
    SubscriptionController.class,
    OrderStreamController.class,
    StuckLimitsController.class,
    ProblemAdvice.class,
    ProblemErrorController.class,
    SecurityConfiguration.class,
    WebJsonConfiguration.class
})
class WebConfiguration {

    /**
     * The console's single sign-on (OIDC code flow with PKCE), when {@code ordo.console.oidc-client-id} is set: the
     * endpoints as configured, or from the discovery document of {@code ordo.jwt.issuer-uri}.
     */
    @Bean
    ConsoleSignOn consoleSignOn(
            @Value("${ordo.console.oidc-client-id:}") String clientId,
            @Value("${ordo.jwt.issuer-uri:}") String issuer,
            @Value("${ordo.console.oidc-authorization-uri:}") String authorizationUri,
            @Value("${ordo.console.oidc-token-uri:}") String tokenUri) {
        return new ConsoleSignOn(clientId, issuer, authorizationUri, tokenUri);
    }

    /** First around every request, before security: its correlation id and its line in the log. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLog() {
        var registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Right after authentication: the tenant and user join the request's logging context. */
    @Bean
    FilterRegistrationBean<CallerLogFilter> callerLog() {
        var registration = new FilterRegistrationBean<>(new CallerLogFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Per user and node: {@code ordo.rate-limit.per-second} requests a second after a burst of
     * {@code ordo.rate-limit.burst}; {@code ordo.rate-limit.enabled=false} turns it off (the benchmark does).
     */
    @Bean
    @ConditionalOnProperty(name = "ordo.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimit(
            ObjectMapper json,
            @Value("${ordo.rate-limit.per-second}") double perSecond,
            @Value("${ordo.rate-limit.burst}") double burst) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(perSecond, burst, json));
        // after Spring Security (whose chain runs at -100): the caller is known, and no credentials is a 401
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(json));
        // after Spring Security: no credentials is a 401 even for a huge body
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(IdempotentRequestsUseCase keys, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, json));
        // after authentication (keys belong to a tenant and user) and after the size limit
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacters(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new NulCharacterFilter(json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    /** Requests the security firewall refuses answer as problems (RejectedRequests). */
    @Bean
    WebSecurityCustomizer rejectedRequestsAsProblems(ObjectMapper json) {
        return web -> web.requestRejectedHandler(new RejectedRequests(json));
    }

    /** Tomcat's own error answers are problems too, not its HTML page (ProblemErrorReportValve). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
            // an encoded slash reaches the security firewall, which refuses it like every other path that cannot
            // name a resource (404), instead of Tomcat's bare 400
            factory.addConnectorCustomizers(
                    connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        };
    }

    /** Completes the API description with problems, statuses, headers and the bearer scheme. */
    @Bean
    ApiDocumentation apiDocumentation() {
        return new ApiDocumentation();
    }

    /**
     * The API description. Its server is configured ({@code ordo.api.server-url}, relative by default), never read
     * from the request's Host header, which a client may set to anything.
     */
    @Bean
    OpenAPI ordoOpenApi(@Value("${ordo.api.server-url:/}") String serverUrl) {
        return new OpenAPI()
                .servers(List.of(new Server().url(serverUrl).description("Ordo")))
                .info(new Info().title("Ordo").version("1").description("The event-sourced order service"))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}

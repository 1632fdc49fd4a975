package io.ordo.adapters.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes the served OpenAPI document with what springdoc cannot read from the controllers: the
 * problem+json answers every operation may give (with their contract codes), the success statuses other than
 * 200, the headers (ETag, Location, If-Match, Idempotency-Key, Retry-After), and both ways to sign in.
 */
public final class ApiDocumentation implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";

    /** Success statuses other than 200, by operation id. */
    private static final Map<String, String> CREATED = Map.of(
            "createOrder",
            "201",
            "addDiscussionNote",
            "201",
            "replayProjection",
            "202",
            "createSubscription",
            "201",
            "deleteSubscription",
            "204");

    /**
     * Operations on an order whose success is neither 200 nor the order: a retry whose first answer was lost answers
     * 200 with the order (IdempotencyFilter); a create's gets 201 with the order, as its first answer had, and the
     * others answer the order with 200 anyway.
     */
    private static final List<String> LOST_ANSWER_AS_ORDER = List.of("addDiscussionNote");

    /** Operations that answer the order with its ETag. */
    private static final List<String> ANSWERS_AN_ORDER = List.of(
            "createOrder",
            "getOrder",
            "updateOrder",
            "changeOrderStatus",
            "cancelOrder",
            "deliverLead",
            "withdrawLead",
            "assignOrder");

    /** Operations that take If-Match. */
    private static final List<String> TAKES_IF_MATCH =
            List.of("updateOrder", "changeOrderStatus", "cancelOrder", "deliverLead", "withdrawLead");

    private static final String IF_MATCH = "The ETag the change was made against, or * for any version.";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents()
                .addSchemas(PROBLEM, problemSchema())
                .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Production: a JWT with the claims sub, tenant, roles, and optional "
                                        + "location and customer_id."))
                .addHeaders("ETag", header("The order's version, quoted: send it back as If-Match."))
                .addHeaders("Location", header("Where the new order is."))
                .addHeaders("Retry-After", header("Seconds to wait before asking again."));
        api.setSecurity(
                List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> complete(method, operation));
            }
        });
        SchemaFacts.apply(api);
        describeTags(api);
        if (api.getInfo() != null && api.getInfo().getContact() == null) {
            api.getInfo().contact(new Contact().name("Ordo").url("https://ordo.io"));
        }
    }

    /** Every tag an operation uses is declared once, and every operation has a description (its summary at least). */
    private static void describeTags(OpenAPI api) {
        var used = new TreeSet<String>();
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getTags() != null) {
                        used.addAll(operation.getTags());
                    }
                    if (operation.getDescription() == null
                            || operation.getDescription().isBlank()) {
                        operation.setDescription(
                                operation.getSummary() == null ? operation.getOperationId() : operation.getSummary());
                    }
                }));
        var declared = api.getTags() == null ? List.<Tag>of() : api.getTags();
        var tags = new ArrayList<Tag>(declared);
        used.stream()
                .filter(name -> declared.stream().noneMatch(tag -> tag.getName().equals(name)))
                .forEach(name -> tags.add(new Tag().name(name).description(TAGS.getOrDefault(name, name))));
        api.setTags(tags);
    }

    private static final Map<String, String> TAGS = Map.of(
            "Orders", "Orders: create, read, list, change, move, cancel, leads, discussion and history",
            "Audit", "The audit trail of a tenant: search and export",
            "Reports", "Reports over the orders a caller sees",
            "Administration", "The platform operator's projection rebuilds and dead letters",
            "Workflows", "The workflows, as data",
            "Webhooks", "Providers' signed webhooks in, and their registry",
            "Notifications", "Subscriptions: the tenant's events POSTed, signed, to a URL",
            "Customers", "Forgetting a customer's personal data (the right to erasure)",
            "Caller", "Who is calling: the signed-in user as the service sees them");

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        String id = operation.getOperationId();
        String success = CREATED.get(id);
        if (success != null && responses.containsKey("200")) {
            responses.addApiResponse(
                    success,
                    responses
                            .remove("200")
                            .description(
                                    switch (success) {
                                        case "201" -> "Created";
                                        case "204" -> "No Content";
                                        default -> "Accepted";
                                    }));
        }
        if (ANSWERS_AN_ORDER.contains(id)) {
            ApiResponse ok = responses.get(success == null ? "200" : success);
            if (ok != null) {
                ok.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"));
                if ("createOrder".equals(id)) {
                    ok.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
                }
            }
        }
        if (LOST_ANSWER_AS_ORDER.contains(id)) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("An Idempotency-Key retry whose first request stored its change but not its "
                                    + "answer (its node stopped in between): the order as it is now, with "
                                    + "Idempotent-Replayed and Content-Location.")
                            .addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"))
                            .content(new Content()
                                    .addMediaType(
                                            "application/json",
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/OrderView")))));
        }
        boolean writes = method != PathItem.HttpMethod.GET;
        // a webhook has no user to keep keys for: its provider's event id is what applies it once
        if (writes && method == PathItem.HttpMethod.POST && !"receiveWebhook".equals(id)) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .description("At most 255 characters; the same key and body within 24 h replays the first answer.")
                    .schema(new StringSchema().maxLength(255)));
        }
        if (TAKES_IF_MATCH.contains(id)) {
            var declared = operation.getParameters() == null
                    ? Optional.<Parameter>empty()
                    : operation.getParameters().stream()
                            .filter(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))
                            .findFirst();
            declared.ifPresentOrElse(
                    ifMatch -> ifMatch.description(IF_MATCH),
                    () -> operation.addParametersItem(new HeaderParameter()
                            .name("If-Match")
                            .description(IF_MATCH)
                            .schema(new StringSchema())));
        }
        var problems = new LinkedHashMap<String, String>();
        problems.put("400", "MALFORMED_REQUEST or VALIDATION_FAILED: the body, a parameter or a field is wrong.");
        problems.put("401", "UNAUTHENTICATED: no or bad credentials.");
        problems.put("403", "FORBIDDEN: the caller sees the resource but may not do this.");
        problems.put("404", "NOT_FOUND: no such resource for this caller.");
        if (writes) {
            problems.put(
                    "409",
                    "INVALID_TRANSITION, NOT_EDITABLE, CAPACITY_EXCEEDED, DUPLICATE_LEAD, DISCUSSION_CLOSED, "
                            + "CONCURRENT_MODIFICATION, DUPLICATE_ORDER_NUMBER or IDEMPOTENCY_KEY_REUSED.");
            problems.put("413", "PAYLOAD_TOO_LARGE: the body is over 1 MiB.");
            problems.put("415", "UNSUPPORTED_MEDIA_TYPE: send application/json.");
        }
        if (TAKES_IF_MATCH.contains(id)) {
            problems.put("412", "PRECONDITION_FAILED: If-Match names another version.");
        }
        problems.put("429", "RATE_LIMITED: too many requests; see Retry-After.");
        problems.put("500", "INTERNAL_ERROR: a bug, logged with the correlation id the body repeats.");
        problems.put(
                "503",
                "reassignOrders".equals(id)
                        ? "UNAVAILABLE: the database is unreachable, or the order list is more than 10 s behind the"
                                + " latest changes; see Retry-After."
                        : "UNAVAILABLE: the database is unreachable; see Retry-After.");
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                var response = new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
                }
                responses.addApiResponse(status, response);
            }
        });
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static Schema<?> problemSchema() {
        var error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("Path of the field, e.g. items[0].quantity"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details, with the contract's code")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("The path that was asked"))
                .addProperty(
                        "code",
                        new StringSchema()
                                ._enum(List.of(
                                        "MALFORMED_REQUEST",
                                        "VALIDATION_FAILED",
                                        "UNAUTHENTICATED",
                                        "FORBIDDEN",
                                        "NOT_FOUND",
                                        "METHOD_NOT_ALLOWED",
                                        "NOT_ACCEPTABLE",
                                        "INVALID_TRANSITION",
                                        "NOT_EDITABLE",
                                        "CAPACITY_EXCEEDED",
                                        "DUPLICATE_LEAD",
                                        "DISCUSSION_CLOSED",
                                        "CONCURRENT_MODIFICATION",
                                        "DUPLICATE_ORDER_NUMBER",
                                        "IDEMPOTENCY_KEY_REUSED",
                                        "PRECONDITION_FAILED",
                                        "PAYLOAD_TOO_LARGE",
                                        "UNSUPPORTED_MEDIA_TYPE",
                                        "RATE_LIMITED",
                                        "INTERNAL_ERROR",
                                        "UNAVAILABLE")))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("correlationId", new StringSchema().nullable(true))
                .required(List.of("type", "title", "status", "code"));
    }
}

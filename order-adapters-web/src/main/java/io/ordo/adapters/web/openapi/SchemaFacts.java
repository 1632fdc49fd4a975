package io.ordo.adapters.web.openapi;

import io.ordo.domain.DetailsPatch;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answers and bodies are, beyond what springdoc reads from the Java types: which fields every answer
 * carries and which may be null, the closed sets of values, money as decimal strings, the merge-patch body, and
 * the query parameters' real types. Kept as data, one entry per fact, beside the contract it describes.
 */
final class SchemaFacts {

    /** Money as the contract writes it: a decimal string (a JSON number is also read on the way in). */
    static final String MONEY = "^-?\\d+(\\.\\d+)?$";

    /** Answers: every field is always present (Jackson writes nulls); these may be null. */
    private static final Map<String, Set<String>> NULLABLE_IN_ANSWERS = Map.ofEntries(
            Map.entry(
                    "OrderView",
                    Set.of(
                            "deliveryAddress",
                            "description",
                            "notes",
                            "location",
                            "currency",
                            "totalAmount",
                            "leads",
                            "payment",
                            "updatedBy",
                            "updatedAt")),
            Map.entry("Customer", Set.of("id", "name", "phone", "email")),
            Map.entry("Contact", Set.of("contactId", "conversationId", "nameSnapshot", "phoneSnapshot")),
            Map.entry("Leads", Set.of("targetDeliveryDate", "daysRemaining")),
            Map.entry("Shipping", Set.of("carrier", "trackingNumber", "location", "estimatedDelivery")),
            Map.entry("Payment", Set.of("status", "intentId", "transactionHash", "escrowId")),
            Map.entry("WebhookProviderView", Set.of()),
            Map.entry("Read", Set.of("orderId", "filters")),
            Map.entry("ReadLogPage", Set.of("nextCursor")),
            Map.entry("WebhookOutcome", Set.of("orderId", "status", "reason")),
            Map.entry("WebhookDeliveryView", Set.of("orderId", "status", "reason")),
            Map.entry("WebhookDeliveryPage", Set.of("nextCursor")),
            Map.entry("SubscriptionView", Set.of()),
            Map.entry("StuckOrders", Set.of()),
            Map.entry("StuckOrder", Set.of("location")),
            Map.entry("NotificationDeliveryView", Set.of("lastStatus", "lastError", "nextAttemptAt", "deliveredAt")),
            Map.entry("NotificationDeliveryPage", Set.of("nextCursor")),
            Map.entry("Line", Set.of("name")),
            Map.entry("TimelineEntry", Set.of("previousStatus", "reason", "note", "carrier", "trackingNumber")),
            Map.entry("StoredEventView", Set.of("revision", "by", "source", "payload")),
            Map.entry("AuditEntry", Set.of("orderNumber", "reason", "by", "source")),
            Map.entry("OrderPage", Set.of("nextCursor")),
            Map.entry("EventPage", Set.of("nextCursor")),
            Map.entry("AuditPage", Set.of("nextCursor")),
            Map.entry("ProjectionStatus", Set.of("eventsPerSecond", "eta")),
            Map.entry("DeadLetterView", Set.of("orderId", "error")),
            Map.entry("NoteView", Set.of()),
            Map.entry("ReportSummary", Set.of()),
            Map.entry("TimeInStatus", Set.of("averageHours", "averageCurrentHours")),
            Map.entry("WorkflowResponse", Set.of()),
            Map.entry("RetryOutcome", Set.of()),
            Map.entry("ErasedCustomer", Set.of()),
            Map.entry("Me", Set.of("tenant", "location", "customerId")));

    /** Request bodies: the fields a client must send; every other one may be left out or null. */
    private static final Map<String, List<String>> REQUIRED_IN_BODIES = Map.ofEntries(
            Map.entry("CreateOrderRequest", List.of("workflow")),
            Map.entry("CustomerRequest", List.of()),
            Map.entry("ItemRequest", List.of("sku", "quantity", "unitPrice")),
            Map.entry("StatusChangeRequest", List.of("status")),
            Map.entry("CancelOrderRequest", List.of("reason")),
            Map.entry("NoteRequest", List.of("text")),
            Map.entry("LeadRequest", List.of("leadId")),
            Map.entry("ProviderRequest", List.of("kind", "secret")),
            Map.entry("ProviderEventRequest", List.of("id", "status")),
            Map.entry("SubscriptionRequest", List.of("url", "secret", "events")),
            Map.entry("AssignOrderRequest", List.of("assignee")),
            Map.entry("ReassignOrdersRequest", List.of("from", "to")),
            Map.entry("EraseCustomerRequest", List.of("reason")));

    private static final List<String> SOURCES = List.of("user", "system", "webhook");

    private SchemaFacts() {}

    static void apply(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> workflows = Workflows.all().stream().map(Workflow::name).toList();
        NULLABLE_IN_ANSWERS.forEach((name, nullable) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                nullable.forEach(field -> nullable(schemas, schema, field));
            }
        });
        REQUIRED_IN_BODIES.forEach((name, required) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(required.isEmpty() ? null : required);
                schema.getProperties().keySet().stream()
                        .filter(field -> !required.contains(field))
                        .toList()
                        .forEach(field -> nullable(schemas, schema, field));
            }
        });
        enumerate(schemas, "CreateOrderRequest", "workflow", workflows);
        enumerate(schemas, "OrderView", "workflow", workflows);
        enumerate(schemas, "WorkflowResponse", "name", workflows);
        enumerate(schemas, "TimeInStatus", "workflow", workflows);
        enumerate(schemas, "TimelineEntry", "source", SOURCES);
        enumerate(schemas, "StoredEventView", "source", SOURCES);
        enumerate(schemas, "AuditEntry", "source", SOURCES);
        enumerate(schemas, "ProjectionStatus", "state", List.of("live", "replaying"));
        enumerate(schemas, "ProviderRequest", "kind", List.of("payments", "shipping"));
        enumerate(schemas, "WebhookProviderView", "kind", List.of("payments", "shipping"));
        enumerate(schemas, "NotificationDeliveryView", "state", List.of("pending", "delivered", "failed"));
        enumerate(schemas, "WebhookOutcome", "outcome", List.of("applied", "duplicate", "rejected"));
        enumerate(schemas, "WebhookDeliveryView", "outcome", List.of("applied", "duplicate", "rejected"));
        enumerate(schemas, "Read", "what", List.of("detail", "asOf", "timeline", "notes", "events", "export"));
        replace(
                schemas,
                "ItemRequest",
                "unitPrice",
                new Schema<>()
                        .description("The price of one, with at most the currency's decimals: a decimal string "
                                + "(preferred: exact in every client) or a JSON number")
                        .anyOf(List.of(money("A decimal string"), new NumberSchema())));
        replace(schemas, "Line", "unitPrice", money("The price of one, with exactly the currency's decimals"));
        replace(schemas, "Line", "lineTotal", money("quantity × unitPrice"));
        replace(
                schemas,
                "OrderView",
                "totalAmount",
                money("The sum of the lines; null without items").nullable(true));
        property(schemas.get("Leads"), "targetDeliveryDate").format("date");
        var payload = new ObjectSchema()
                .description("The event as stored: see docs/events.md")
                .nullable(true);
        payload.additionalProperties(true);
        schemas.get("StoredEventView").getProperties().put("payload", payload);
        schemas.put("OrderPatch", orderPatch());
        schemas.put(
                "ChainVerification",
                new ObjectSchema()
                        .addProperty("valid", new BooleanSchema())
                        .addProperty("events", new IntegerSchema().description("How many events, when valid"))
                        .addProperty("brokenAt", new IntegerSchema().description("The first broken sequence"))
                        .required(List.of("valid")));
        schemas.remove("JsonNode");
        schemas.remove("StreamingResponseBody");
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(SchemaFacts::operation));
    }

    private static void operation(Operation operation) {
        String id = operation.getOperationId();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> parameter(id, parameter));
        }
        if ("updateOrder".equals(id)) {
            var patch = new MediaType().schema(new Schema<>().$ref("#/components/schemas/OrderPatch"));
            operation
                    .getRequestBody()
                    .content(new Content()
                            .addMediaType("application/merge-patch+json", patch)
                            .addMediaType("application/json", patch));
        }
        if ("verifyOrderHistory".equals(id)) {
            operation
                    .getResponses()
                    .get("200")
                    .content(new Content()
                            .addMediaType(
                                    "application/json",
                                    new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/ChainVerification"))));
        }
        if ("exportAudit".equals(id)) {
            operation
                    .getResponses()
                    .get("200")
                    .description("Every matching event: one JSON object a line, or CSV with a header line")
                    .content(new Content()
                            .addMediaType("application/x-ndjson", new MediaType().schema(new StringSchema()))
                            .addMediaType("text/csv", new MediaType().schema(new StringSchema())));
        }
        if ("createOrder".equals(id)) {
            ApiResponse created = operation.getResponses().get("201");
            for (String next : List.of("getOrder", "changeOrderStatus", "cancelOrder", "updateOrder")) {
                created.link(next, new Link().operationId(next).parameters("id", "$response.body#/id"));
            }
        }
    }

    private static void parameter(String operation, Parameter parameter) {
        if (!"query".equals(parameter.getIn())) {
            return;
        }
        switch (parameter.getName()) {
            case "limit" ->
                parameter.schema(new IntegerSchema()
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf("listOrderEvents".equals(operation) ? 1000 : 100))
                        ._default("listOrderEvents".equals(operation) ? 100 : 20));
            case "active" ->
                parameter.schema(new StringSchema()
                        ._enum(List.of("true", "false", "all"))
                        ._default("true"));
            case "sort" ->
                parameter.schema(new StringSchema()
                        ._enum(List.of(
                                "-createdAt", "createdAt", "-updatedAt", "-totalAmount", "totalAmount", "-priority"))
                        ._default("-createdAt"));
            case "format" ->
                parameter.schema(
                        new StringSchema()._enum(List.of("ndjson", "csv"))._default("ndjson"));
            case "workflow" ->
                parameter.schema(new StringSchema()
                        ._enum(Workflows.all().stream().map(Workflow::name).toList()));
            case "createdFrom", "createdTo", "from", "to", "asOf" ->
                parameter.schema(new StringSchema().format("date-time"));
            default -> {}
        }
    }

    private static Schema<?> orderPatch() {
        var patch = new ObjectSchema()
                .description("A JSON merge patch (RFC 7396) of the order: null clears an optional field");
        patch.additionalProperties(false);
        var customer = new ObjectSchema();
        customer.additionalProperties(false);
        for (String part : List.of("id", "name", "phone", "email")) {
            customer.addProperty(part, new StringSchema().nullable(true));
        }
        patch.addProperty("customer", customer.nullable(true));
        for (String field : DetailsPatch.PATCHABLE) {
            if (!field.startsWith("customer")) {
                Schema<?> type = switch (field) {
                    case "priority", "leadsPurchased" -> new IntegerSchema();
                    case "targetDeliveryDate" -> new StringSchema().format("date");
                    case "items" ->
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/ItemRequest"))
                                .description("The whole new list of lines, as on a create; the totals are recomputed");
                    default -> new StringSchema();
                };
                patch.addProperty(field, type.nullable(true));
            }
        }
        patch.addProperty(
                "justification",
                new StringSchema().nullable(true).description("Why: required where the workflow asks for it"));
        return patch;
    }

    private static Schema<?> money(String description) {
        return new StringSchema().pattern(MONEY).description(description).example("100.00");
    }

    private static void enumerate(Map<String, Schema> schemas, String schema, String field, List<String> values) {
        Schema<?> owner = schemas.get(schema);
        if (owner != null
                && owner.getProperties() != null
                && owner.getProperties().containsKey(field)) {
            ((Schema<String>) owner.getProperties().get(field)).setEnum(new ArrayList<>(values));
        }
    }

    private static void replace(Map<String, Schema> schemas, String schema, String field, Schema<?> with) {
        Schema<?> owner = schemas.get(schema);
        if (owner != null
                && owner.getProperties() != null
                && owner.getProperties().containsKey(field)) {
            boolean nullable =
                    Boolean.TRUE.equals(owner.getProperties().get(field).getNullable());
            owner.getProperties().put(field, nullable ? with.nullable(true) : with);
        }
    }

    /** Marks a field nullable; for a reference, the object it names (each is used by one owner only). */
    private static void nullable(Map<String, Schema> schemas, Schema<?> schema, String field) {
        Schema<?> property = property(schema, field);
        if (property.get$ref() != null) {
            // OpenAPI 3.0 ignores a $ref's siblings: the object's own schema says it may be null
            schemas.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1))
                    .setNullable(true);
        } else {
            property.setNullable(true);
        }
    }

    private static Schema<?> property(Schema<?> schema, String field) {
        Schema<?> property = schema.getProperties().get(field);
        if (property == null) {
            throw new IllegalStateException(schema.getName() + " has no " + field);
        }
        return property;
    }
}

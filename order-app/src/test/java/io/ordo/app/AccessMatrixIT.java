package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access rules of docs/api.md as one table: every demo user × every order endpoint × (their own order, another's
 * in the tenant, another location's, another tenant's) → the status code, asserted cell by cell, and no
 * list leaks a row the user may not see.
 */
@OrdoIntegrationTest
class AccessMatrixIT {

    /**
     * Who sees which of the three orders, and what each may do. A = agent's, location north, customer cust-1;
     * B = agent2's, location south, customer cust-2; G = globex's.
     */
    private static final String TABLE = """
            user          sees   write  readNotes  postNotes  create  events  audit  reports  admin  assign  erase
            admin         AB     yes    yes        yes        yes     yes     yes    yes      no     yes    yes
            manager       AB     yes    yes        yes        yes     yes     no     yes      no     yes    no
            manager-north A      yes    yes        yes        yes     yes     no     yes      no     yes    no
            agent         A      yes    yes        yes        yes     no      no     no       no     no     no
            agent2        B      yes    yes        yes        yes     no      no     no       no     no     no
            viewer        AB     no     yes        no         no      no      no     yes      no     no     no
            auditor       AB     no     yes        no         no      yes     yes    yes      no     no     no
            customer      A      no     no         no         no      no      no     no       no     no     no
            globex-admin  G      yes    yes        yes        yes     yes     yes    yes      no     yes    yes
            ops           -      no     no         no         no      no      no     no       yes    no     no
            """;

    record Row(
            String user,
            String sees,
            boolean write,
            boolean readNotes,
            boolean postNotes,
            boolean create,
            boolean events,
            boolean audit,
            boolean reports,
            boolean admin,
            boolean assign,
            boolean erase) {}

    /** An endpoint applied to an order id, with the answer expected for a user who sees the order. */
    record Endpoint(String name, Function<Row, Integer> whenVisible, Call call) {}

    interface Call {
        Http.Answer apply(Http http, String orderId);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final Map<String, String> orders = new LinkedHashMap<>();
    String tag;

    static List<Row> rows() {
        var rows = new ArrayList<Row>();
        for (String line : TABLE.strip().split("\n")) {
            String[] c = line.trim().split("\\s+");
            if (c[0].equals("user")) {
                continue;
            }
            rows.add(new Row(
                    c[0],
                    c[1],
                    c[2].equals("yes"),
                    c[3].equals("yes"),
                    c[4].equals("yes"),
                    c[5].equals("yes"),
                    c[6].equals("yes"),
                    c[7].equals("yes"),
                    c[8].equals("yes"),
                    c[9].equals("yes"),
                    c[10].equals("yes"),
                    c[11].equals("yes")));
        }
        return rows;
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET order", r -> 200, (h, id) -> h.get("/api/orders/" + id)),
            new Endpoint("GET timeline", r -> 200, (h, id) -> h.get("/api/orders/" + id + "/timeline")),
            new Endpoint("GET notes", r -> r.readNotes() ? 200 : 403, (h, id) -> h.get("/api/orders/" + id + "/notes")),
            new Endpoint(
                    "POST notes",
                    r -> r.postNotes() ? 201 : 403,
                    (h, id) -> h.post("/api/orders/" + id + "/notes", "{\"text\": \"matrix\"}")),
            // a patch that changes nothing: passes every check, stores nothing
            new Endpoint(
                    "PATCH",
                    r -> r.write() ? 200 : 403,
                    (h, id) -> h.patch("/api/orders/" + id, "{\"description\": \"Matrix order\"}", null)),
            // a move the workflow refuses: 409 proves the caller got past 404 and 403, and changes nothing
            new Endpoint(
                    "POST status",
                    r -> r.write() ? 409 : 403,
                    (h, id) -> h.post("/api/orders/" + id + "/status", "{\"status\": \"delivered\"}")),
            new Endpoint(
                    "POST cancel (stale If-Match)",
                    r -> r.write() ? 412 : 403,
                    (h, id) -> h.post("/api/orders/" + id + "/cancel", "{\"reason\": \"matrix\"}", "\"999\"")),
            new Endpoint(
                    "POST leads (not a campaign)",
                    r -> r.write() ? 400 : 403,
                    (h, id) -> h.post("/api/orders/" + id + "/leads", "{\"leadId\": \"x\"}")),
            new Endpoint(
                    "DELETE lead (not a campaign)",
                    r -> r.write() ? 400 : 403,
                    (h, id) -> h.send("DELETE", "/api/orders/" + id + "/leads/x", null, null)),
            new Endpoint("GET events", r -> r.events() ? 200 : 403, (h, id) -> h.get("/api/orders/" + id + "/events")),
            new Endpoint(
                    "GET asOf",
                    r -> r.events() ? 200 : 403,
                    (h, id) -> h.get("/api/orders/" + id + "?asOf=2999-01-01T00:00:00Z")),
            new Endpoint("GET verify", r -> r.audit() ? 200 : 403, (h, id) -> h.get("/api/orders/" + id + "/verify")),
            // to the order's own assignee: passes every check, stores nothing
            new Endpoint("POST assign (to its assignee)", r -> r.assign() ? 200 : 403, (h, id) -> {
                var order = h.get("/api/orders/" + id);
                String assignee =
                        order.status() == 200 ? order.json().get("assignee").asText() : "agent";
                return h.post("/api/orders/" + id + "/assign", "{\"assignee\": \"" + assignee + "\"}");
            }));

    /** Endpoints that are not about one order: the answer depends on the role only. */
    static final List<Endpoint> TENANT_ENDPOINTS = List.of(
            new Endpoint("GET audit", r -> r.audit() ? 200 : 403, (h, id) -> h.get("/api/audit")),
            new Endpoint(
                    "GET audit export", r -> r.audit() ? 200 : 403, (h, id) -> h.get("/api/audit/export?format=csv")),
            new Endpoint("GET reports", r -> r.reports() ? 200 : 403, (h, id) -> h.get("/api/reports/summary")),
            new Endpoint("GET audit reads", r -> r.audit() ? 200 : 403, (h, id) -> h.get("/api/audit/reads")),
            new Endpoint(
                    "POST reassign (of a user with no orders)",
                    r -> r.assign() ? 200 : 403,
                    (h, id) -> h.post("/api/orders/reassign", "{\"from\": \"nobody\", \"to\": \"agent\"}")),
            new Endpoint(
                    "POST erase (a customer with no orders)",
                    r -> r.erase() ? 200 : 403,
                    (h, id) -> h.post("/api/customers/nobody-at-all/erase", "{\"reason\": \"matrix\"}")),
            new Endpoint("GET workflows", r -> 200, (h, id) -> h.get("/api/workflows")),
            new Endpoint("GET me", r -> 200, (h, id) -> h.get("/api/me")),
            new Endpoint(
                    "GET admin projections", r -> r.admin() ? 200 : 403, (h, id) -> h.get("/api/admin/projections")),
            new Endpoint(
                    "GET admin dead letters", r -> r.admin() ? 200 : 403, (h, id) -> h.get("/api/admin/dead-letters")),
            new Endpoint(
                    "POST replay (unknown projection)",
                    r -> r.admin() ? 404 : 403,
                    (h, id) -> h.post("/api/admin/projections/no-such-projection/replay", "{}")));

    @BeforeEach
    void createOrders() {
        tag = "Matrix" + UUID.randomUUID().toString().substring(0, 8);
        orders.put("A", create("agent", "north", "cust-1"));
        orders.put("B", create("agent2", "south", "cust-2"));
        orders.put("G", create("globex-admin", null, "cust-1"));
    }

    private String create(String user, String location, String customerId) {
        var created = new Http(port, user).post("/api/orders", """
                {"workflow": "standard", "customer": {"id": "%s", "name": "%s"}, "deliveryAddress": "1 Main St",
                 "description": "Matrix order", "notes": "staff only", %s "priority": 1}""".formatted(
                        customerId, tag, location == null ? "" : "\"location\": \"" + location + "\","));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void every_role_gets_exactly_the_contracts_answer_on_every_order() {
        var failures = new ArrayList<String>();
        int cells = 0;
        for (Row row : rows()) {
            var http = new Http(port, row.user());
            for (Endpoint endpoint : ENDPOINTS) {
                for (var order : orders.entrySet()) {
                    int expected = row.sees().contains(order.getKey())
                            ? endpoint.whenVisible().apply(row)
                            : 404;
                    var answer = endpoint.call().apply(http, order.getValue());
                    cells++;
                    if (answer.status() != expected) {
                        failures.add("%s %s on %s: expected %d, got %s"
                                .formatted(row.user(), endpoint.name(), order.getKey(), expected, answer));
                    } else if (expected >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                        failures.add("%s %s on %s: not a problem: %s"
                                .formatted(row.user(), endpoint.name(), order.getKey(), answer));
                    }
                }
            }
        }
        for (Row row : rows()) {
            var http = new Http(port, row.user());
            for (Endpoint endpoint : TENANT_ENDPOINTS) {
                int expected = endpoint.whenVisible().apply(row);
                var answer = endpoint.call().apply(http, null);
                cells++;
                if (answer.status() != expected) {
                    failures.add("%s %s: expected %d, got %s".formatted(row.user(), endpoint.name(), expected, answer));
                }
            }
        }
        assertThat(failures).as("cells that differ from the contract").isEmpty();
        assertThat(cells).isEqualTo(rows().size() * (ENDPOINTS.size() * 3 + TENANT_ENDPOINTS.size()));
    }

    @Test
    void creating_is_for_admins_managers_and_agents_only() {
        for (Row row : rows()) {
            var answer = new Http(port, row.user()).post("/api/orders", """
                    {"workflow": "standard", "customer": {"name": "Creator"}, "deliveryAddress": "x"}""");
            assertThat(answer.status()).as(row.user()).isEqualTo(row.create() ? 201 : 403);
        }
    }

    @Test
    void lists_never_leak_a_row_and_filters_only_narrow() {
        var byId = new LinkedHashMap<String, String>();
        orders.forEach((name, id) -> byId.put(id, name));
        for (Row row : rows()) {
            var http = new Http(port, row.user());
            var answer = eventually(
                    () -> http.get("/api/orders?q=" + tag),
                    a -> a.status() != 200
                            || names(a, byId).size() == expectedVisible(row).size());
            if (row.user().equals("ops")) {
                assertThat(answer.status()).isEqualTo(403);
                continue;
            }
            assertThat(names(answer, byId)).as(row.user()).isEqualTo(expectedVisible(row));
            // a filter asking for more than the bound gets no more
            assertThat(names(http.get("/api/orders?q=" + tag + "&location=south"), byId))
                    .as(row.user() + " filtering for south")
                    .isSubsetOf(expectedVisible(row));
            assertThat(names(http.get("/api/orders?q=" + tag + "&customerId=cust-2"), byId))
                    .as(row.user() + " filtering for cust-2")
                    .isSubsetOf(expectedVisible(row));
        }
    }

    @Test
    void server_owned_fields_in_a_body_are_refused_by_name_and_store_nothing() {
        var agent = new Http(port, "agent");
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
        for (String field : List.of(
                "id",
                "tenantId",
                "createdBy",
                "createdAt",
                "updatedBy",
                "version",
                "active",
                "allowedTransitions",
                "totalAmount",
                "contact")) {
            var answer = agent.post("/api/orders", """
                    {"workflow": "standard", "customer": {"name": "Sneaky"}, "deliveryAddress": "x", "%s": "acme"}""".formatted(field));
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        for (String field : List.of(
                "status",
                "tenantId",
                "createdBy",
                "version",
                "workflow",
                "orderNumber",
                "currency",
                "items",
                "contact")) {
            var answer = agent.patch("/api/orders/" + orders.get("A"), "{\"%s\": \"x\"}".formatted(field), null);
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void a_location_manager_cannot_move_an_order_out_of_its_location() {
        var north = new Http(port, "manager-north");
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", orders.get("A"))
                .query(Long.class)
                .single();
        assertThat(north.patch("/api/orders/" + orders.get("A"), "{\"location\": \"south\"}", null)
                        .status())
                .isEqualTo(403);
        assertThat(north.patch("/api/orders/" + orders.get("A"), "{\"location\": null}", null)
                        .status())
                .isEqualTo(403);
        assertThat(north.patch("/api/orders/" + orders.get("A"), "{\"location\": \"north\", \"priority\": 4}", null)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                        .param("id", orders.get("A"))
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }

    @Test
    void operational_endpoints_beyond_health_are_for_the_platform_operator() {
        assertThat(new Http(port, "admin").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(new Http(port, "customer").get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(new Http(port, "ops").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(new Http(port, null).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void customers_see_their_order_without_staff_notes_and_viewers_get_no_transitions() {
        var asCustomer =
                new Http(port, "customer").get("/api/orders/" + orders.get("A")).json();
        assertThat(asCustomer.get("notes").isNull()).isTrue();
        var asAgent =
                new Http(port, "agent").get("/api/orders/" + orders.get("A")).json();
        assertThat(asAgent.get("notes").asText()).isEqualTo("staff only");
        assertThat(asAgent.get("allowedTransitions")).isNotEmpty();
        assertThat(new Http(port, "viewer")
                        .get("/api/orders/" + orders.get("A"))
                        .json()
                        .get("allowedTransitions"))
                .isEmpty();
        assertThat(new Http(port, "customer")
                        .get("/api/orders/" + orders.get("A"))
                        .json()
                        .get("allowedTransitions"))
                .isEmpty();
    }

    private static Set<String> expectedVisible(Row row) {
        var names = new HashSet<String>();
        for (char c : row.sees().toCharArray()) {
            if (c != '-') {
                names.add(String.valueOf(c));
            }
        }
        return names;
    }

    private static Set<String> names(Http.Answer answer, Map<String, String> byId) {
        var names = new HashSet<String>();
        if (answer.status() == 200) {
            answer.json().get("items").forEach(o -> {
                String name = byId.get(o.get("id").asText());
                names.add(name == null ? "LEAK:" + o.get("id").asText() : name);
            });
        }
        return names;
    }
}

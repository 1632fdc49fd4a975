package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's name, phone, e-mail, the delivery address and the contact snapshots are stored in the events sealed
 * with their order's key; every answer shows them open: the order, its events, {@code asOf}, the list and its search.
 */
@OrdoIntegrationTest
class PersonalDataAtRestIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void personal_data_is_sealed_in_the_store_and_open_in_every_answer() {
        var agent = new Http(port, "agent");
        var manager = agent.as("manager");
        var created = agent.post("/api/orders", """
                {"workflow": "standard", "customer": {"id": "cust-sealed", "name": "Quillon Xq7", "phone": "+15557771",
                 "email": "quillon@example.com"}, "contactId": "contact-9", "deliveryAddress": "7 Hidden Lane",
                 "description": "Lamp", "currency": "USD",
                 "items": [{"sku": "L-1", "name": "Lamp", "quantity": 1, "unitPrice": "20.00"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Instant afterCreate = Instant.now();
        assertThat(agent.patch("/api/orders/" + id, "{\"customer\": {\"name\": \"Quillon Yr8\"}}", null)
                        .status())
                .isEqualTo(200);

        String stored = jdbc.sql("""
                        SELECT string_agg(convert_from(payload, 'UTF8'), ' ') FROM domain_event_entry
                        WHERE aggregate_identifier = :id""").param("id", id).query(String.class).single();
        assertThat(stored)
                .doesNotContain("Quillon", "Xq7", "Yr8", "+15557771", "quillon@example.com", "7 Hidden Lane")
                .contains("enc:v1:", "cust-sealed", "contact-9", "Lamp");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM order_data_key WHERE order_id = CAST(:id AS uuid) AND customer_id = 'cust-sealed'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(agent.get("/api/orders/" + id).json().at("/customer/name").asText())
                .isEqualTo("Quillon Yr8");
        var events = manager.get("/api/orders/" + id + "/events").json().get("items");
        assertThat(events.get(0).at("/payload/customer/name").asText()).isEqualTo("Quillon Xq7");
        assertThat(events.get(0).at("/payload/deliveryAddress").asText()).isEqualTo("7 Hidden Lane");
        assertThat(events.get(0).at("/payload/contact/phoneSnapshot").asText()).isEqualTo("+15557771");
        assertThat(events.get(1).at("/payload/customer/name").asText()).isEqualTo("Quillon Yr8");
        assertThat(manager.get("/api/orders/" + id + "?asOf=" + afterCreate)
                        .json()
                        .at("/customer/email")
                        .asText())
                .isEqualTo("quillon@example.com");
        var listed = eventually(() -> agent.get("/api/orders?q=Yr8").json().get("items"), items -> items.size() == 1);
        assertThat(listed.get(0).at("/customer/name").asText())
                .as("the list, fed by a streaming processor that reads the store")
                .isEqualTo("Quillon Yr8");
        assertThat(listed.get(0).at("/contact/nameSnapshot").asText()).isEqualTo("Quillon Xq7");
    }

    /**
     * An order stored before sealing existed (2026-12-05) holds its customer in plain text in its events, and has no
     * key to destroy: once its customer is erased, its events and {@code asOf} read "[erased]" all the same, the
     * stored bytes untouched and the hash chain valid.
     */
    @Test
    void an_order_stored_before_sealing_reads_erased_in_its_events_and_as_of_once_its_customer_is_erased()
            throws Exception {
        var agent = new Http(port, "agent");
        var admin = agent.as("admin");
        String customerId = "cust-presealed-" + UUID.randomUUID();
        var created = agent.post("/api/orders", """
                {"workflow": "standard", "customer": {"id": "%s", "name": "Odalys Pre5", "phone": "+15557772",
                 "email": "odalys@example.com"}, "contactId": "contact-5", "deliveryAddress": "5 Old Road",
                 "description": "Chair", "currency": "USD",
                 "items": [{"sku": "C-1", "name": "Chair", "quantity": 1, "unitPrice": "40.00"}]}""".formatted(customerId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        storedAsBeforeSealing(
                id,
                Map.of(
                        "/customer/name", "Odalys Pre5",
                        "/customer/phone", "+15557772",
                        "/customer/email", "odalys@example.com",
                        "/contact/nameSnapshot", "Odalys Pre5",
                        "/contact/phoneSnapshot", "+15557772",
                        "/deliveryAddress", "5 Old Road"));
        assertThat(admin.get("/api/orders/" + id + "/events")
                        .json()
                        .at("/items/0/payload/customer/name")
                        .asText())
                .as("plain text from before sealing reads as it is")
                .isEqualTo("Odalys Pre5");
        Instant beforeErasure = Instant.now();

        var erased = admin.post("/api/customers/" + customerId + "/erase", "{\"reason\": \"asked by letter\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("orders").asInt()).isEqualTo(1);

        var createdEvent = admin.get("/api/orders/" + id + "/events").json().at("/items/0/payload");
        var asOf = admin.get("/api/orders/" + id + "?asOf=" + beforeErasure).json();
        for (String path : ErasureIT.PERSONAL_FIELDS) {
            assertThat(createdEvent.at(path).asText()).as("the event's " + path).isEqualTo("[erased]");
            assertThat(asOf.at(path).asText()).as("asOf " + path).isEqualTo("[erased]");
        }
        assertThat(asOf.at("/customer/id").asText()).isEqualTo(customerId);
        assertThat(asOf.get("description").asText()).isEqualTo("Chair");
        assertThat(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = 0""").param("id", id).query(String.class).single())
                .as("the stored event is never rewritten")
                .contains("Odalys Pre5");
        assertThat(admin.get("/api/orders/" + id + "/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    /**
     * Makes the order's first event what sealing found in a database from before it: the values in plain text (its
     * hash computed again, as the chain's migration did for the events before it), and no key for the order.
     */
    private void storedAsBeforeSealing(String id, Map<String, String> values) throws Exception {
        var json = new ObjectMapper();
        var event = (ObjectNode)
                json.readTree(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = 0""").param("id", id).query(String.class).single());
        values.forEach((path, value) -> {
            int slash = path.lastIndexOf('/');
            var owner = (ObjectNode) (slash == 0 ? event : event.at(path.substring(0, slash)));
            owner.put(path.substring(slash + 1), value);
        });
        jdbc.sql("""
                        UPDATE domain_event_entry SET payload = convert_to(:plain, 'UTF8')
                        WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("plain", json.writeValueAsString(event))
                .param("id", id)
                .update();
        jdbc.sql("""
                        UPDATE domain_event_entry e SET hash = ordo_event_hash(NULL, e)
                        WHERE aggregate_identifier = :id AND sequence_number = 0""").param("id", id).update();
        jdbc.sql("DELETE FROM order_data_key WHERE order_id = CAST(:id AS uuid)")
                .param("id", id)
                .update();
    }
}

package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.Instant;
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
}

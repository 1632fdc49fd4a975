package io.ordo.adapters.persistence.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.EventJson;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Which fields are sealed, that they open with their order's key, and that plain text from before reads as it is
 * until its order is erased.
 */
class PersonalDataTest {

    private static final String ORDER = "6f1c2a9e-0000-4000-8000-000000000001";

    private static final String EVENT = """
            {"orderId": "6f1c2a9e-0000-4000-8000-000000000001", "tenantId": "acme", "orderNumber": "ORD-1",
             "status": "draft", "customer": {"id": "cust-1", "name": "Jane Doe", "phone": "+15550100",
             "email": "jane@example.com"}, "contact": {"contactId": "c-7", "conversationId": null,
             "nameSnapshot": "Jane Doe", "phoneSnapshot": "+15550100"}, "deliveryAddress": "1 Main St",
             "description": "Headphones", "actor": "agent"}""";

    private static SecretBox key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(key);
    }

    @Test
    void the_personal_fields_of_a_new_order_are_sealed_and_open_with_its_key() throws Exception {
        var json = EventJson.objectMapper();
        var event = (ObjectNode) json.readTree(EVENT);
        var key = key();

        PersonalData.seal(OrderCreated.class, event, () -> key);

        String stored = json.writeValueAsString(event);
        assertThat(stored)
                .doesNotContain("Jane Doe", "+15550100", "jane@example.com", "1 Main St")
                .contains("enc:v1:", "cust-1", "c-7", "ORD-1", "Headphones", "agent");
        assertThat(PersonalData.mayHoldSealed(stored.getBytes())).isTrue();
        var read = json.readTree(stored);
        PersonalData.open(read, "o-1", orderId -> Optional.of(key));
        assertThat(read).isEqualTo(json.readTree(EVENT));
    }

    @Test
    void without_its_key_a_sealed_value_reads_erased_and_plain_text_from_before_reads_as_it_is() throws Exception {
        var json = EventJson.objectMapper();
        var event = (ObjectNode) json.readTree(EVENT);
        var key = key();
        PersonalData.seal(OrderCreated.class, event, () -> key);

        PersonalData.open(event, "o-1", orderId -> Optional.empty());

        assertThat(event.at("/customer/name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/contact/phoneSnapshot").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/deliveryAddress").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/customer/id").asText()).isEqualTo("cust-1");

        var plain = json.readTree(EVENT);
        assertThat(PersonalData.mayHoldSealed(EVENT.getBytes())).isFalse();
        PersonalData.open(plain, "o-1", orderId -> Optional.empty());
        assertThat(plain).isEqualTo(json.readTree(EVENT));
        assertThat(PersonalData.holdsPersonalData(OrderStatusChanged.class)).isFalse();
    }

    @Test
    void an_erased_value_is_not_sealed_again_and_needs_no_key() throws Exception {
        var json = EventJson.objectMapper();
        var event = (ObjectNode) json.readTree(EVENT);
        PersonalData.erase(event, PersonalData.OF_AN_ORDER);

        PersonalData.seal(OrderCreated.class, event, () -> {
            throw new AssertionError("an erased order has no key to ask for");
        });

        assertThat(event.at("/customer/name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/contact/nameSnapshot").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/customer/email").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(event.at("/customer/id").asText()).isEqualTo("cust-1");
        assertThat(json.writeValueAsString(event)).doesNotContain("Jane", "1 Main St", "enc:v1:");
    }

    @Test
    void the_snapshot_of_an_order_keeps_its_customer_sealed_under_the_key_its_id_names() throws Exception {
        var json = EventJson.objectMapper();
        var snapshot = (ObjectNode) json.readTree("""
                {"id": "o-1", "status": "pending", "details": {"customer": {"id": "cust-1", "name": "Jane Doe",
                 "phone": "+15550100", "email": null}, "deliveryAddress": "1 Main St", "description": "Headphones"}}""");
        var key = key();

        PersonalData.seal(io.ordo.domain.Order.class, snapshot, () -> key);

        assertThat(json.writeValueAsString(snapshot)).doesNotContain("Jane Doe", "+15550100", "1 Main St");
        assertThat(PersonalData.orderIdOf(io.ordo.domain.Order.class.getName(), snapshot))
                .isEqualTo("o-1");
        PersonalData.open(snapshot, "o-1", orderId -> Optional.empty());
        assertThat(snapshot.at("/details/customer/name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(snapshot.at("/details/customer/email").isNull()).isTrue();
        assertThat(snapshot.at("/details/description").asText()).isEqualTo("Headphones");
    }

    @Test
    void plain_text_from_before_sealing_reads_erased_once_its_order_is_erased() throws Exception {
        var json = EventJson.objectMapper();
        var asked = new ArrayList<String>();
        var plain = json.readTree(EVENT);

        PersonalData.hidePlainIfErased(plain, OrderCreated.class.getName(), orderId -> asked.add(orderId) && false);
        assertThat(plain).as("its order not erased: read as it is").isEqualTo(json.readTree(EVENT));

        PersonalData.hidePlainIfErased(plain, OrderCreated.class.getName(), orderId -> asked.add(orderId));
        assertThat(asked).containsExactly(ORDER, ORDER);
        assertThat(plain.at("/customer/name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(plain.at("/customer/email").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(plain.at("/contact/nameSnapshot").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(plain.at("/deliveryAddress").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(plain.at("/customer/id").asText()).isEqualTo("cust-1");
        assertThat(plain.at("/description").asText()).isEqualTo("Headphones");
    }

    @Test
    void sealed_erased_or_impersonal_json_never_asks_whether_its_order_was_erased() throws Exception {
        var json = EventJson.objectMapper();
        var sealed = (ObjectNode) json.readTree(EVENT);
        var key = key();
        PersonalData.seal(OrderCreated.class, sealed, () -> key);
        var erased = (ObjectNode) json.readTree(EVENT);
        PersonalData.erase(erased, PersonalData.OF_AN_ORDER);
        Predicate<String> never = orderId -> {
            throw new AssertionError("asked about " + orderId);
        };

        PersonalData.hidePlainIfErased(sealed, OrderCreated.class.getName(), never);
        PersonalData.hidePlainIfErased(erased, OrderCreated.class.getName(), never);
        PersonalData.hidePlainIfErased(json.readTree(EVENT), OrderStatusChanged.class.getName(), never);

        assertThat(sealed.at("/customer/name").asText()).startsWith("enc:v1:");
    }
}

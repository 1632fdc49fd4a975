package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Events survive the store's JSON unchanged, with plain ids, exact money and no Java class names inside. */
class EventJsonTest {

    private static final OrderId ID = OrderId.of(UUID.fromString("0d9c5f7e-1111-4a2b-9c3d-123456789abc"));
    private final Serializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

    static List<Object> events() {
        return List.of(
                new OrderCreated(
                        ID,
                        "acme",
                        "ORD-2026-000001",
                        "checkout",
                        "created",
                        new Customer("cust-1", "Jane", "+1", "j@example.com"),
                        new Contact("c", "v", "Jane", "+1"),
                        "1 Main St",
                        "Headphones",
                        null,
                        "north",
                        3,
                        "BHD",
                        List.of(new OrderLine("SKU-1", "Headphones", 3, new BigDecimal("0.105"))),
                        new BigDecimal("0.315"),
                        null,
                        null,
                        "agent"),
                new OrderCreated(
                        ID,
                        "acme",
                        "CAMP-1",
                        "lead_campaign",
                        "draft",
                        Customer.NONE,
                        new Contact(null, null, null, null),
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        List.of(),
                        null,
                        50,
                        LocalDate.of(2026, 12, 31),
                        "agent"),
                new OrderDetailsUpdated(
                        ID,
                        List.of("notes", "priority"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        7,
                        null,
                        null,
                        "customer asked",
                        "agent2"),
                new OrderStatusChanged(ID, "pending", "paid", "card", "ok", "UPS", "1Z", "user", "agent"),
                new OrderCancelled(ID, "paid", "canceled", "fraud", null, "admin"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void event_round_trips_exactly(Object event) {
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        Object back = serializer.deserialize(stored);
        assertThat(back).isEqualTo(event);
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(stored.getData()).doesNotContain("io.ordo").contains("\"orderId\":\"" + ID + "\"");
    }

    @Test
    void money_is_stored_as_decimal_strings_and_dates_as_iso() {
        String json = serializer.serialize(events().get(0), String.class).getData();
        assertThat(json).contains("\"unitPrice\":\"0.105\"").contains("\"totalAmount\":\"0.315\"");
        assertThat(serializer.serialize(events().get(1), String.class).getData())
                .contains("\"targetDeliveryDate\":\"2026-12-31\"");
    }
}

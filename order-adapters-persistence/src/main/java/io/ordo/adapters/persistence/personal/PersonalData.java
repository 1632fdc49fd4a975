package io.ordo.adapters.persistence.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which fields of which events hold personal data, and how a stored event's JSON is sealed and opened. A sealed
 * value is {@code enc:v1:} and the Base64 of the AES-GCM nonce and ciphertext under its order's key; an event
 * stored before sealing existed holds plain text, which is read as it is.
 */
public final class PersonalData {

    /** The text every reader shows where a destroyed key leaves a value unreadable. */
    public static final String ERASED = "[erased]";

    static final String SEALED = "enc:v1:";

    /** The personal fields per event type: paths of one or two steps into the event's JSON. */
    static final Map<Class<?>, List<List<String>>> FIELDS = Map.of(
            OrderCreated.class,
            List.of(
                    List.of("customer", "name"),
                    List.of("customer", "phone"),
                    List.of("customer", "email"),
                    List.of("contact", "nameSnapshot"),
                    List.of("contact", "phoneSnapshot"),
                    List.of("deliveryAddress")),
            OrderDetailsUpdated.class,
            List.of(
                    List.of("customer", "name"),
                    List.of("customer", "phone"),
                    List.of("customer", "email"),
                    List.of("deliveryAddress")));

    private PersonalData() {}

    /** Whether events of this type hold personal data. */
    static boolean holdsPersonalData(Class<?> type) {
        return FIELDS.containsKey(type);
    }

    /** Seals the personal fields of {@code event} (the JSON of an event of {@code type}) with {@code box}. */
    static void seal(Class<?> type, ObjectNode event, SecretBox box) {
        for (List<String> path : FIELDS.getOrDefault(type, List.of())) {
            ObjectNode owner = event;
            for (int i = 0; i < path.size() - 1 && owner != null; i++) {
                JsonNode next = owner.get(path.get(i));
                owner = next instanceof ObjectNode object ? object : null;
            }
            String field = path.get(path.size() - 1);
            if (owner != null
                    && owner.path(field).isTextual()
                    && !owner.get(field).textValue().startsWith(SEALED)) {
                byte[] sealed = box.seal(owner.get(field).textValue());
                owner.put(field, SEALED + Base64.getEncoder().encodeToString(sealed));
            }
        }
    }

    private static final byte[] SEALED_BYTES = SEALED.getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether stored JSON holds a sealed value: a look at the bytes, without parsing or copying them, since every
     * event (and its metadata) read from the store passes here.
     */
    static boolean mayHoldSealed(byte[] json) {
        int length = SEALED_BYTES.length;
        for (int i = 0; i + length <= json.length; i++) {
            if (json[i] == SEALED_BYTES[0] && Arrays.equals(json, i, i + length, SEALED_BYTES, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Opens every sealed value of {@code event} (its order's id in {@code orderId}) with the box {@code keys} finds for
     * the order; where it finds none (the key was destroyed), the value reads {@link #ERASED}.
     */
    public static void open(JsonNode event, Function<String, Optional<SecretBox>> keys) {
        String orderId = event.path("orderId").asText(null);
        if (orderId == null) {
            return;
        }
        var box = new Object() {
            Optional<SecretBox> found;

            Optional<SecretBox> get() {
                if (found == null) {
                    found = keys.apply(orderId);
                }
                return found;
            }
        };
        openAll(event, box::get);
    }

    private static void openAll(JsonNode node, Supplier<Optional<SecretBox>> box) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.textValue().startsWith(SEALED)) {
                byte[] sealed = Base64.getDecoder().decode(value.textValue().substring(SEALED.length()));
                field.setValue(
                        object.textNode(box.get().map(b -> b.open(sealed)).orElse(ERASED)));
            } else if (value.isObject()) {
                openAll(value, box);
            }
        }
    }
}

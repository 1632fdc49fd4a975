package io.ordo.adapters.persistence.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.domain.Order;
import io.ordo.domain.event.CustomerErased;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which fields of which stored JSON hold personal data, and how they are sealed, opened and erased. A sealed value is
 * {@code enc:v1:} and the Base64 of the AES-GCM nonce and ciphertext under its order's key; an event stored before
 * sealing existed holds plain text, which is read as it is until its order is erased, and as {@link #ERASED} after.
 */
public final class PersonalData {

    /** The text every reader shows where a destroyed key leaves a value unreadable. */
    public static final String ERASED = CustomerErased.ERASED;

    static final String SEALED = "enc:v1:";

    /** The personal fields of an order as its answer, its creation and its notification payload hold them. */
    static final List<List<String>> OF_AN_ORDER = List.of(
            List.of("customer", "name"),
            List.of("customer", "phone"),
            List.of("customer", "email"),
            List.of("contact", "nameSnapshot"),
            List.of("contact", "phoneSnapshot"),
            List.of("deliveryAddress"));

    /**
     * The personal fields per stored type: paths into its JSON. The events, and the Order aggregate as its snapshot
     * holds it.
     */
    static final Map<Class<?>, List<List<String>>> FIELDS = Map.of(
            OrderCreated.class,
            OF_AN_ORDER,
            OrderDetailsUpdated.class,
            List.of(
                    List.of("customer", "name"),
                    List.of("customer", "phone"),
                    List.of("customer", "email"),
                    List.of("deliveryAddress")),
            Order.class,
            List.of(
                    List.of("details", "customer", "name"),
                    List.of("details", "customer", "phone"),
                    List.of("details", "customer", "email"),
                    List.of("details", "deliveryAddress")));

    /** {@link #FIELDS} by the name the store gives each type ({@code payload_type}). */
    private static final Map<String, List<List<String>>> FIELDS_BY_NAME =
            FIELDS.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().getName(), Map.Entry::getValue));

    /** The field that names the order: {@code orderId} in events, {@code id} in the aggregate's snapshot. */
    private static final Map<String, String> ORDER_ID = Map.of(Order.class.getName(), "id");

    private PersonalData() {}

    /** Whether JSON of this type holds personal data. */
    static boolean holdsPersonalData(Class<?> type) {
        return FIELDS.containsKey(type);
    }

    /** Whether JSON of the type the store names {@code typeName} holds personal data. */
    static boolean holdsPersonalData(String typeName) {
        return FIELDS_BY_NAME.containsKey(typeName);
    }

    /** The id of the order that JSON of the type the store names {@code typeName} belongs to. */
    static String orderIdOf(String typeName, JsonNode json) {
        return json.path(ORDER_ID.getOrDefault(typeName, "orderId")).asText(null);
    }

    /**
     * Erases the personal fields of stored JSON (of the type the store names {@code typeName}) whose order was erased,
     * if it holds any of them as plain text: an event stored before sealing existed, which no destroyed key can hide.
     * Sealed values are left to {@link #open}; {@code erased} is asked only for JSON with a plain value.
     */
    public static void hidePlainIfErased(JsonNode json, String typeName, Predicate<String> erased) {
        List<List<String>> paths = FIELDS_BY_NAME.get(typeName);
        if (paths == null || !(json instanceof ObjectNode object)) {
            return;
        }
        boolean plain = paths.stream().anyMatch(path -> {
            ObjectNode owner = ownerOf(object, path);
            JsonNode value = owner == null ? null : owner.get(path.get(path.size() - 1));
            return value != null
                    && value.isTextual()
                    && !value.textValue().startsWith(SEALED)
                    && !value.textValue().equals(ERASED);
        });
        String orderId = orderIdOf(typeName, object);
        if (plain && orderId != null && erased.test(orderId)) {
            erase(object, paths);
        }
    }

    /**
     * Seals the personal fields of {@code json} (of {@code type}) with the box {@code key} gives, asked only when a
     * value needs it: an erased value stays {@link #ERASED}, there being nothing left to seal.
     */
    static void seal(Class<?> type, ObjectNode json, Supplier<SecretBox> key) {
        for (List<String> path : FIELDS.getOrDefault(type, List.of())) {
            ObjectNode owner = ownerOf(json, path);
            String field = path.get(path.size() - 1);
            if (owner != null && owner.path(field).isTextual()) {
                String value = owner.get(field).textValue();
                if (!value.startsWith(SEALED) && !value.equals(ERASED)) {
                    byte[] sealed = key.get().seal(value);
                    owner.put(field, SEALED + Base64.getEncoder().encodeToString(sealed));
                }
            }
        }
    }

    /** Sets every field of {@code paths} in {@code json} that holds text to {@link #ERASED}. */
    static void erase(ObjectNode json, List<List<String>> paths) {
        for (List<String> path : paths) {
            ObjectNode owner = ownerOf(json, path);
            String field = path.get(path.size() - 1);
            if (owner != null && owner.path(field).isTextual()) {
                owner.put(field, ERASED);
            }
        }
    }

    private static ObjectNode ownerOf(ObjectNode json, List<String> path) {
        ObjectNode owner = json;
        for (int i = 0; i < path.size() - 1 && owner != null; i++) {
            JsonNode next = owner.get(path.get(i));
            owner = next instanceof ObjectNode object ? object : null;
        }
        return owner;
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
     * Opens every sealed value of {@code json} (of the order {@code orderId}) with the box {@code keys} finds for the
     * order; where it finds none (the key was destroyed), the value reads {@link #ERASED}.
     */
    public static void open(JsonNode json, String orderId, Function<String, Optional<SecretBox>> keys) {
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
        openAll(json, box::get);
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

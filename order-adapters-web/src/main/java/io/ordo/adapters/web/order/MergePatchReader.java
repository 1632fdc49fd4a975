package io.ordo.adapters.web.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ordo.adapters.web.json.StrictText;
import io.ordo.domain.Customer;
import io.ordo.domain.DetailsPatch;
import io.ordo.domain.OrderLine;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON merge patch (RFC 7396) of an order into a {@link DetailsPatch}: which fields it names and
 * their new values, null meaning "clear". Fields that are not patchable (including server-owned ones such
 * as {@code status} or {@code version}) are refused by name.
 */
final class MergePatchReader {

    private static final Set<String> TEXT = Set.of("deliveryAddress", "description", "notes", "location");
    private static final Set<String> CUSTOMER = Set.of("id", "name", "phone", "email");
    private static final Set<String> ITEM = Set.of("sku", "name", "quantity", "unitPrice");

    record Result(DetailsPatch patch, String justification) {}

    static Result read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidOrderException.of("$", "must be a JSON object");
        }
        var errors = new ArrayList<FieldViolation>();
        var fields = new HashSet<String>();
        String[] customer = new String[4];
        String[] text = new String[4];
        Integer priority = null;
        Integer leadsPurchased = null;
        LocalDate targetDeliveryDate = null;
        String justification = null;
        List<OrderLine> items = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            var field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "customer" -> {
                    if (value.isNull()) {
                        for (String part : CUSTOMER) {
                            fields.add("customer." + part);
                        }
                    } else if (!value.isObject()) {
                        errors.add(new FieldViolation("customer", "must be an object"));
                    } else {
                        for (Iterator<Map.Entry<String, JsonNode>> parts = value.fields(); parts.hasNext(); ) {
                            var part = parts.next();
                            int index = List.of("id", "name", "phone", "email").indexOf(part.getKey());
                            if (index < 0) {
                                errors.add(new FieldViolation("customer." + part.getKey(), "is not a known field"));
                            } else {
                                fields.add("customer." + part.getKey());
                                customer[index] = text(errors, "customer." + part.getKey(), part.getValue());
                            }
                        }
                    }
                }
                case "deliveryAddress", "description", "notes", "location" -> {
                    fields.add(name);
                    text[
                            List.of("deliveryAddress", "description", "notes", "location")
                                    .indexOf(name)] = text(errors, name, value);
                }
                case "priority" -> {
                    fields.add(name);
                    priority = integer(errors, name, value);
                }
                case "leadsPurchased" -> {
                    fields.add(name);
                    leadsPurchased = integer(errors, name, value);
                }
                case "targetDeliveryDate" -> {
                    fields.add(name);
                    String date = text(errors, name, value);
                    if (date != null) {
                        targetDeliveryDate = StrictText.date(date).orElse(null);
                        if (targetDeliveryDate == null) {
                            errors.add(new FieldViolation(name, "must be a date like 2026-12-31"));
                        }
                    }
                }
                case "items" -> {
                    fields.add(name);
                    items = items(errors, value);
                }
                case "justification" -> justification = text(errors, name, value);
                default ->
                    errors.add(new FieldViolation(
                            name, TEXT.contains(name) ? "is invalid" : "is not a field that can be patched"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        var patch = new DetailsPatch(
                fields,
                new Customer(customer[0], customer[1], customer[2], customer[3]),
                text[0],
                text[1],
                text[2],
                text[3],
                priority,
                leadsPurchased,
                targetDeliveryDate,
                items);
        return new Result(patch, justification);
    }

    /** The whole new list of lines, each as on a create: {@code sku}, {@code name}, {@code quantity}, {@code unitPrice}. */
    private static List<OrderLine> items(List<FieldViolation> errors, JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldViolation("items", "must be an array"));
            return null;
        }
        var lines = new ArrayList<OrderLine>();
        for (int i = 0; i < value.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                errors.add(new FieldViolation(at, "must be an object"));
                continue;
            }
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String part = names.next();
                if (!ITEM.contains(part)) {
                    errors.add(new FieldViolation(at + "." + part, "is not a known field"));
                }
            }
            String sku = text(errors, at + ".sku", part(item, "sku"));
            String name = text(errors, at + ".name", part(item, "name"));
            Integer quantity = integer(errors, at + ".quantity", part(item, "quantity"));
            BigDecimal unitPrice = money(errors, at + ".unitPrice", part(item, "unitPrice"));
            lines.add(new OrderLine(sku, name, quantity == null ? 0 : quantity, unitPrice));
        }
        return lines;
    }

    /** A field of an object, JSON null where it is missing. */
    private static JsonNode part(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null ? NullNode.instance : value;
    }

    /** A price as a JSON string or number, read exactly as written (the create's rule). */
    private static BigDecimal money(List<FieldViolation> errors, String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String written = value.isTextual()
                ? value.textValue()
                : value.isNumber() ? value.decimalValue().toPlainString() : null;
        if (written == null || !StrictText.isDecimal(written)) {
            errors.add(new FieldViolation(field, "must be a decimal like \"100.00\""));
            return null;
        }
        return new BigDecimal(written);
    }

    private static String text(List<FieldViolation> errors, String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        var problem = StrictText.problemWith(value.textValue());
        if (problem.isPresent()) {
            errors.add(new FieldViolation(field, problem.get()));
            return null;
        }
        return value.textValue();
    }

    private static Integer integer(List<FieldViolation> errors, String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldViolation(field, "must be an integer"));
            return null;
        }
        return value.intValue();
    }
}

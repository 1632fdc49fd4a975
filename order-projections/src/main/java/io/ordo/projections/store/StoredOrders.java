package io.ordo.projections.store;

/**
 * SQL fragments that read an order's facts from its first stored event, for events that do not carry them
 * (events stored before tenant metadata existed). Independent of any projection's tables, so every rebuild
 * can use them. Each expects the order id as the named parameter {@code :id}.
 */
public final class StoredOrders {

    public static final String TENANT_OF_ORDER = """
            (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'tenantId' FROM domain_event_entry
             WHERE aggregate_identifier = CAST(:id AS varchar) AND sequence_number = 0)""";

    public static final String NUMBER_OF_ORDER = """
            (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderNumber' FROM domain_event_entry
             WHERE aggregate_identifier = CAST(:id AS varchar) AND sequence_number = 0)""";

    /** {@link #TENANT_OF_ORDER} with the order id as {@code parameter} (e.g. a positional {@code ?}). */
    public static String tenantOfOrder(String parameter) {
        return TENANT_OF_ORDER.replace(":id", parameter);
    }

    /** {@link #NUMBER_OF_ORDER} with the order id as {@code parameter} (e.g. a positional {@code ?}). */
    public static String numberOfOrder(String parameter) {
        return NUMBER_OF_ORDER.replace(":id", parameter);
    }

    private StoredOrders() {}
}

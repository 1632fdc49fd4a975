package io.ordo.application.port.in.order;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters, order and page of an order list. {@code active} is true, false or null (both). A null
 * filter does not narrow.
 */
public record OrderQuery(
        String status,
        String workflow,
        String q,
        String customerId,
        String contactId,
        String conversationId,
        String location,
        String assignee,
        Boolean active,
        Instant createdFrom,
        Instant createdTo,
        Sort sort,
        String cursor,
        int limit) {

    /** A query that does not filter by assignee. */
    public OrderQuery(
            String status,
            String workflow,
            String q,
            String customerId,
            String contactId,
            String conversationId,
            String location,
            Boolean active,
            Instant createdFrom,
            Instant createdTo,
            Sort sort,
            String cursor,
            int limit) {
        this(
                status,
                workflow,
                q,
                customerId,
                contactId,
                conversationId,
                location,
                null,
                active,
                createdFrom,
                createdTo,
                sort,
                cursor,
                limit);
    }

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The orders a list may be sorted by; each breaks ties by id. */
    public enum Sort {
        CREATED_AT_DESC("-createdAt"),
        CREATED_AT_ASC("createdAt"),
        UPDATED_AT_DESC("-updatedAt"),
        TOTAL_AMOUNT_DESC("-totalAmount"),
        TOTAL_AMOUNT_ASC("totalAmount"),
        PRIORITY_DESC("-priority");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Optional<Sort> parse(String parameter) {
            for (Sort sort : values()) {
                if (sort.parameter.equals(parameter)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }
}

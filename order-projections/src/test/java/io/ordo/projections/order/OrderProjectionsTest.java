package io.ordo.projections.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.exception.DuplicateOrderNumberException;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.projections.search.SearchWords;
import io.ordo.projections.store.ProjectionSlots;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The detail, timeline and list projections, their handlers called directly, their SQL on real PostgreSQL. */
class OrderProjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00.123456Z");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private final JdbcTemplate template = new JdbcTemplate(TestDatabase.newMigratedDataSource("projections"));
    private final JdbcClient jdbc = JdbcClient.create(template);
    private final ProjectionSlots slots = new ProjectionSlots(jdbc);
    private final OrderDetailProjection detail = new OrderDetailProjection(template, slots, ProjectionSlots.Role.LIVE);
    private final OrderTimelineProjection timeline =
            new OrderTimelineProjection(template, slots, ProjectionSlots.Role.LIVE);
    private final OrderListProjection list = new OrderListProjection(template, slots, ProjectionSlots.Role.LIVE);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new JdbcTransactionManager(template.getDataSource()));
    private final JdbcOrderReadModelAdapter reads = new JdbcOrderReadModelAdapter(jdbc, transactions, slots, TODAY);

    private static OrderCreated created(
            OrderId id, String tenant, String number, String name, String actor, String location) {
        return new OrderCreated(
                id,
                tenant,
                number,
                "checkout",
                "created",
                new Customer("cust-9", name, "+1555", null),
                new Contact(null, null, name, "+1555"),
                "1 Main St",
                "Headphones",
                "fragile",
                location,
                0,
                "USD",
                List.of(new OrderLine("SKU-1", "Headphones", 2, new BigDecimal("19.99"))),
                new BigDecimal("39.98"),
                null,
                null,
                actor);
    }

    /** The stored form the handlers receive: the event of its order at a sequence and instant. */
    private static DomainEventMessage<?> message(Object event, Instant at, long sequence) {
        try {
            String orderId = event.getClass().getMethod("orderId").invoke(event).toString();
            return new GenericDomainEventMessage<>(
                    "Order",
                    orderId,
                    sequence,
                    event,
                    Map.of(),
                    UUID.randomUUID().toString(),
                    at);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void project(OrderCreated e, Instant at) {
        detail.on(e, at);
        timeline.on(e, at, 0);
        list.on(e, at);
    }

    @Test
    void detail_follows_every_event_with_version_and_who_changed_it_last() {
        var id = OrderId.of(UUID.randomUUID());
        project(created(id, "acme", "ORD-2026-000001", "Jane", "agent", null), T0);
        var paid = new OrderStatusChanged(id, "created", "pending", null, "called", null, null, "user", "agent2");
        detail.on(paid, message(paid, T0.plusSeconds(1), 1));
        timeline.on(paid, T0.plusSeconds(1), 1, "acme");
        var patch = new OrderDetailsUpdated(
                id, List.of("notes"), null, null, null, null, null, null, null, null, null, "agent2");
        detail.on(patch, message(patch, T0.plusSeconds(2), 2));
        var cancel = new OrderCancelled(id, "pending", "canceled", "fraud", null, "admin");
        detail.on(cancel, message(cancel, T0.plusSeconds(3), 3));
        timeline.on(cancel, T0.plusSeconds(3), 3, "acme");

        OrderView view = reads.find(OrderScope.tenant("acme"), id).orElseThrow();
        assertThat(view.status()).isEqualTo("canceled");
        assertThat(view.active()).isFalse();
        assertThat(view.notes()).isNull();
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedBy()).isEqualTo("admin");
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.totalAmount()).isEqualTo("39.98");
        assertThat(view.items().get(0).lineTotal()).isEqualTo("39.98");

        assertThat(reads.timeline(OrderScope.tenant("acme"), id))
                .extracting(e -> e.previousStatus() + ">" + e.status() + " by " + e.by())
                .containsExactly("null>created by agent", "created>pending by agent2", "pending>canceled by admin");
        assertThat(reads.timeline(OrderScope.tenant("acme"), id).get(0).at()).isEqualTo(T0);
        assertThat(reads.timeline(OrderScope.tenant("globex"), id)).isEmpty();
    }

    @Test
    void scope_bounds_every_read() {
        var id = OrderId.of(UUID.randomUUID());
        project(created(id, "acme", "ORD-2026-000002", "Scoped", "agent", "north"), T0);
        assertThat(reads.find(OrderScope.tenant("globex"), id)).isEmpty();
        assertThat(reads.find(new OrderScope("acme", "agent2", null, null), id)).isEmpty();
        assertThat(reads.find(new OrderScope("acme", "agent", null, null), id)).isPresent();
        assertThat(reads.find(new OrderScope("acme", null, "south", null), id)).isEmpty();
        assertThat(reads.find(new OrderScope("acme", null, "north", null), id)).isPresent();
        assertThat(reads.find(new OrderScope("acme", null, null, "cust-9"), id)).isPresent();
        assertThat(reads.find(new OrderScope("acme", null, null, "cust-1"), id)).isEmpty();
        var query = new OrderQuery(null, null, "scoped", null, null, null, "north", null, null, null, null, null, 20);
        assertThat(reads.search(new OrderScope("acme", null, "south", null), query)
                        .items())
                .isEmpty();
        assertThat(reads.search(new OrderScope("acme", null, "north", null), query)
                        .items())
                .hasSize(1);
    }

    @Test
    void a_client_number_taken_in_the_tenant_is_refused() {
        project(created(OrderId.of(UUID.randomUUID()), "acme", "SHOP-42", "First", "agent", null), T0);
        assertThatThrownBy(() -> detail.on(
                        created(OrderId.of(UUID.randomUUID()), "acme", "SHOP-42", "Second", "agent", null), T0))
                .isInstanceOf(DuplicateOrderNumberException.class);
        detail.on(created(OrderId.of(UUID.randomUUID()), "globex", "SHOP-42", "Other tenant", "agent", null), T0);
    }

    @Test
    void list_ignores_an_event_delivered_twice() {
        var id = OrderId.of(UUID.randomUUID());
        var e = created(id, "acme", "ORD-2026-000003", "Twice", "agent", null);
        list.on(e, T0);
        list.on(e, T0);
        var move = new OrderStatusChanged(id, "created", "pending", null, null, null, null, "user", "agent");
        list.on(move, message(move, T0.plusSeconds(1), 1));
        list.on(move, message(move, T0.plusSeconds(1), 1));
        var move2 = new OrderStatusChanged(id, "pending", "paid", null, null, null, null, "user", "agent");
        list.on(move2, message(move2, T0.plusSeconds(2), 2));
        list.on(move, message(move, T0.plusSeconds(1), 1)); // late redelivery of an older event
        var query = new OrderQuery(null, null, "twice", null, null, null, null, null, null, null, null, null, 20);
        var page = reads.search(OrderScope.tenant("acme"), query);
        assertThat(page.items()).hasSize(1);
        assertThat(page.items().get(0).status()).isEqualTo("paid");
        assertThat(page.items().get(0).version()).isEqualTo(2);
    }

    /**
     * A rebuild's batch reads the rows of all its orders in one query, however many orders it changes, and folds each
     * event onto its order's row; an order of the batch without a row is left alone (its creation will bring it).
     */
    @Test
    void a_rebuild_batch_of_the_list_reads_the_rows_of_its_orders_in_one_query() {
        jdbc.sql("UPDATE projection_slot SET replaying_slot = 'green' WHERE name = 'order-list'")
                .update();
        var reads = new ArrayList<String>();
        var counting = new JdbcTemplate(template.getDataSource()) {
            @Override
            public <T> T query(PreparedStatementCreator psc, PreparedStatementSetter pss, ResultSetExtractor<T> rse) {
                if (psc instanceof SqlProvider provider && provider.getSql().contains("FROM order_list_")) {
                    reads.add(provider.getSql());
                }
                return super.query(psc, pss, rse);
            }
        };
        var rebuild = new OrderListProjection(counting, slots, ProjectionSlots.Role.REPLAY);
        var ids = new ArrayList<OrderId>();
        for (String name : List.of("Batch one", "Batch two", "Batch three")) {
            var id = OrderId.of(UUID.randomUUID());
            rebuild.on(created(id, "acme", "SHOP-" + name.length() + ids.size(), name, "agent", null), T0);
            ids.add(id);
        }
        var unknown = OrderId.of(UUID.randomUUID());
        var messages = new ArrayList<DomainEventMessage<?>>();
        for (var id : List.of(ids.get(0), ids.get(1), unknown, ids.get(2))) {
            var move = new OrderStatusChanged(id, "created", "pending", null, null, null, null, "user", "agent");
            messages.add(message(move, T0.plusSeconds(1), 1));
        }
        var paid = new OrderStatusChanged(ids.get(0), "pending", "paid", null, null, null, null, "user", "agent");
        messages.add(message(paid, T0.plusSeconds(2), 2));

        transactions.executeWithoutResult(status -> {
            var batch = new BatchingUnitOfWork<>(messages);
            var result = batch.executeWithResult(() -> {
                DomainEventMessage<?> event = batch.getMessage();
                rebuild.on(event.getPayload(), event);
                return null;
            });
            assertThat(result.isExceptional())
                    .as("%s", result.optionalExceptionResult())
                    .isFalse();
        });

        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).contains("order_list_green").contains("ANY(");
        assertThat(jdbc.sql("SELECT status || ' ' || version FROM order_list_green ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("paid 2", "pending 1", "pending 1");
    }

    @Test
    void a_note_as_first_change_counts_in_the_list_version_without_touching_updated_at() {
        var id = OrderId.of(UUID.randomUUID());
        list.on(created(id, "acme", "ORD-2026-000004", "Chatty", "agent", null), T0);
        var note = new DiscussionNoteAdded(id, "n1", "hello", "agent2");
        list.on(note, message(note, T0.plusSeconds(1), 1));
        var row = search("chatty").get(0);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.updatedAt()).isNull();
    }

    @Test
    void q_matches_number_name_phone_and_description_literally() {
        var id = OrderId.of(UUID.randomUUID());
        list.on(created(id, "acme", "PCT-100", "Percent 100% Jones", "agent", null), T0);
        list.on(created(OrderId.of(UUID.randomUUID()), "acme", "PCT-101", "Percent 1000 Jones", "agent", null), T0);
        assertThat(search("100%")).extracting(OrderView::id).containsExactly(id.toString());
        assertThat(search("pct-100")).extracting(OrderView::id).contains(id.toString());
        assertThat(search("PERCENT 100% JONES")).hasSize(1);
    }

    @Test
    void q_with_a_word_in_most_rows_finds_the_same_orders_through_its_rare_words() {
        String tenant = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            var id = OrderId.of(UUID.randomUUID());
            ids.add(id.toString());
            list.on(
                    created(
                            id,
                            tenant,
                            "ST-%03d".formatted(i),
                            "Regular Buyer " + (i % 20 == 7 ? "4321" : i),
                            "agent",
                            null),
                    T0.plusSeconds(i));
        }
        String table = slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE);
        assertThat(SearchWords.fromTable(jdbc)
                        .plan(table, "regular buyer zqx9", 20, 100)
                        .pieces())
                .as("from a sample of the table")
                .containsExactly(" zq");

        // a sample in which "regular" and "buyer" are common and "4321" is in no row, as at a million orders: the index
        var rare = new JdbcOrderReadModelAdapter(
                jdbc,
                transactions,
                slots,
                TODAY,
                new SearchWords(t -> new SearchWords.Sampled(Collections.nCopies(100, "st-000\nregular buyer 0"), 100)),
                JdbcOrderReadModelAdapter.NEWEST);
        // "4321" in 5 of 1,000 sampled rows of a table of a billion: the newest rows first (a page of 2 expected
        // within 600), then the index for what the walk did not fill
        var sample = new ArrayList<>(Collections.nCopies(995, "st-000\nregular buyer 0"));
        sample.addAll(Collections.nCopies(5, "st-000\nregular buyer 4321"));
        var dense = new JdbcOrderReadModelAdapter(
                jdbc,
                transactions,
                slots,
                TODAY,
                new SearchWords(t -> new SearchWords.Sampled(sample, 1_000_000_000)),
                JdbcOrderReadModelAdapter.NEWEST);
        assertThat(SearchWords.plan("buyer 4321", 2, 100, new SearchWords.Sampled(sample, 1_000_000_000))
                        .walk())
                .isEqualTo(1200);
        for (var sampled : List.of(rare, dense)) {
            for (String q : List.of("Buyer 4321", "regular buyer 4321", "4321")) {
                var query = new OrderQuery(null, null, q, null, null, null, null, null, null, null, null, null, 2);
                var first = sampled.search(OrderScope.tenant(tenant), query);
                assertThat(first.items()).as(q).extracting(OrderView::id).containsExactly(ids.get(47), ids.get(27));
                var second = sampled.search(
                        OrderScope.tenant(tenant),
                        new OrderQuery(
                                null, null, q, null, null, null, null, null, null, null, null, first.nextCursor(), 2));
                assertThat(second.items()).as(q).extracting(OrderView::id).containsExactly(ids.get(7));
                assertThat(second.hasMore()).isFalse();
            }
            var notAdjacent = sampled.search(
                    OrderScope.tenant(tenant),
                    new OrderQuery(
                            null, null, "regular 4321", null, null, null, null, null, null, null, null, null, 20));
            assertThat(notAdjacent.items())
                    .as("each word in the row is not enough: q is one substring")
                    .isEmpty();
            var byTotal = sampled.search(
                    OrderScope.tenant(tenant),
                    new OrderQuery(
                            null,
                            null,
                            "buyer 4321",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            OrderQuery.Sort.CREATED_AT_ASC,
                            null,
                            20));
            assertThat(byTotal.items()).extracting(OrderView::id).containsExactly(ids.get(7), ids.get(27), ids.get(47));
        }
    }

    @Test
    void q_that_no_newer_order_matches_is_still_found_among_the_older_ones() {
        String tenant = "deep-" + UUID.randomUUID().toString().substring(0, 8);
        var needle = OrderId.of(UUID.randomUUID());
        list.on(created(needle, tenant, "DP-0000", "Needle Person", "agent", null), T0);
        for (int i = 1; i <= 30; i++) {
            list.on(
                    created(
                            OrderId.of(UUID.randomUUID()),
                            tenant,
                            "DP-%04d".formatted(i),
                            "Hay Stack " + i,
                            "agent",
                            null),
                    T0.plusSeconds(i));
        }
        // every word common: the search looks at the 20 newest rows first, finds no needle there, then asks the index
        var common = new JdbcOrderReadModelAdapter(
                jdbc,
                transactions,
                slots,
                TODAY,
                new SearchWords(t -> new SearchWords.Sampled(Collections.nCopies(100, "needle person hay stack"), 100)),
                20);
        var found = common.search(
                OrderScope.tenant(tenant),
                new OrderQuery(null, null, "needle", null, null, null, null, null, null, null, null, null, 20));
        assertThat(found.items()).extracting(OrderView::id).containsExactly(needle.toString());
        var hay = common.search(
                OrderScope.tenant(tenant),
                new OrderQuery(null, null, "stack 2", null, null, null, null, null, null, null, null, null, 3));
        assertThat(hay.items())
                .as("among the newest rows")
                .extracting(OrderView::orderNumber)
                .containsExactly("DP-0029", "DP-0028", "DP-0027");
    }

    @Test
    void sorts_page_by_keyset_and_refuse_foreign_cursors() {
        String tag = "sortme" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            var e = created(OrderId.of(UUID.randomUUID()), "acme", "S-" + tag + i, tag, "agent", null);
            var priced = new OrderCreated(
                    e.orderId(),
                    e.tenantId(),
                    e.orderNumber(),
                    e.workflow(),
                    e.status(),
                    e.customer(),
                    e.contact(),
                    e.deliveryAddress(),
                    e.description(),
                    e.notes(),
                    e.location(),
                    i % 3,
                    e.currency(),
                    e.items(),
                    new BigDecimal(10 * (5 - i)),
                    null,
                    null,
                    "agent");
            list.on(priced, T0.plusSeconds(i));
        }
        for (var sort : OrderQuery.Sort.values()) {
            var all = reads.search(
                            OrderScope.tenant("acme"),
                            new OrderQuery(null, null, tag, null, null, null, null, null, null, null, sort, null, 100))
                    .items();
            var paged = new ArrayList<OrderView>();
            String cursor = null;
            do {
                var page = reads.search(
                        OrderScope.tenant("acme"),
                        new OrderQuery(null, null, tag, null, null, null, null, null, null, null, sort, cursor, 2));
                paged.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(paged)
                    .as(sort.parameter())
                    .extracting(OrderView::id)
                    .containsExactlyElementsOf(all.stream().map(OrderView::id).toList());
            assertThat(all).hasSize(5);
        }
        var byTotal = reads.search(
                        OrderScope.tenant("acme"),
                        new OrderQuery(
                                null,
                                null,
                                tag,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                OrderQuery.Sort.TOTAL_AMOUNT_DESC,
                                null,
                                100))
                .items();
        assertThat(byTotal)
                .extracting(OrderView::totalAmount)
                .containsExactly("50.00", "40.00", "30.00", "20.00", "10.00");
        var firstPage = reads.search(
                OrderScope.tenant("acme"),
                new OrderQuery(
                        null,
                        null,
                        tag,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        OrderQuery.Sort.CREATED_AT_DESC,
                        null,
                        2));
        assertThatThrownBy(() -> reads.search(
                        OrderScope.tenant("acme"),
                        new OrderQuery(
                                null,
                                null,
                                tag,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                OrderQuery.Sort.PRIORITY_DESC,
                                firstPage.nextCursor(),
                                2)))
                .isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void campaign_leads_count_days_from_today() {
        var id = OrderId.of(UUID.randomUUID());
        var campaign = new OrderCreated(
                id,
                "acme",
                "CAMP-1",
                "lead_campaign",
                "draft",
                null,
                new Contact(null, null, null, null),
                null,
                null,
                null,
                null,
                0,
                null,
                List.of(),
                null,
                8,
                LocalDate.of(2026, 11, 30),
                "agent");
        detail.on(campaign, T0);
        var leads = reads.find(OrderScope.tenant("acme"), id).orElseThrow().leads();
        assertThat(leads.purchased()).isEqualTo(8);
        assertThat(leads.remaining()).isEqualTo(8);
        assertThat(leads.completionPercentage()).isZero();
        assertThat(leads.daysRemaining()).isEqualTo(5);
    }

    private List<OrderView> search(String q) {
        return reads.search(
                        OrderScope.tenant("acme"),
                        new OrderQuery(null, null, q, null, null, null, null, null, null, null, null, null, 20))
                .items();
    }
}

package io.ordo.projections.report;

import io.ordo.application.port.out.OrderScope;
import io.ordo.application.port.out.ReportPort;
import io.ordo.projections.order.OrderListProjection;
import io.ordo.projections.order.OrderTimelineProjection;
import io.ordo.projections.store.ProjectionSlots;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outgoing-port adapter: report figures grouped in SQL over the order list, bounded by the caller's scope
 * (a location manager's report counts its location only). No row leaves the database, only group counts.
 */
public class JdbcReportAdapter implements ReportPort {

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;

    public JdbcReportAdapter(JdbcClient jdbc, ProjectionSlots slots) {
        this.jdbc = jdbc;
        this.slots = slots;
    }

    @Override
    public List<StatusTime> timeInStatus(OrderScope scope, Instant now) {
        var params = new LinkedHashMap<String, Object>();
        String where = scopeSql(scope, params, "l.");
        params.put("now", Timestamp.from(now));
        return jdbc.sql("""
                        WITH stays AS (
                            SELECT t.order_id, t.status, t.at AS entered,
                                   lead(t.at) OVER (PARTITION BY t.order_id ORDER BY t.sequence_number) AS left_at
                            FROM %s t WHERE t.tenant_id = :tenant)
                        SELECT l.workflow, s.status,
                               count(*) FILTER (WHERE s.left_at IS NOT NULL) AS finished,
                               COALESCE(avg(extract(epoch FROM s.left_at - s.entered)) FILTER (WHERE s.left_at IS NOT NULL), 0) AS finished_s,
                               count(*) FILTER (WHERE s.left_at IS NULL) AS current,
                               COALESCE(avg(extract(epoch FROM CAST(:now AS timestamptz) - s.entered)) FILTER (WHERE s.left_at IS NULL), 0) AS current_s
                        FROM stays s JOIN %s l ON l.order_id = s.order_id
                        WHERE %s
                        GROUP BY l.workflow, s.status""".formatted(
                                slots.activeTable(OrderTimelineProjection.NAME, OrderTimelineProjection.TABLE),
                                slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE),
                                where))
                .params(params)
                .query((rs, row) -> new StatusTime(
                        rs.getString("workflow"),
                        rs.getString("status"),
                        rs.getLong("finished"),
                        rs.getDouble("finished_s"),
                        rs.getLong("current"),
                        rs.getDouble("current_s")))
                .list();
    }

    /** The caller's bound over the order list, its columns prefixed with {@code alias}. */
    private static String scopeSql(OrderScope scope, Map<String, Object> params, String alias) {
        var where = new ArrayList<String>();
        where.add(alias + "tenant_id = :tenant");
        params.put("tenant", scope.tenantId());
        if (scope.assignee() != null) {
            where.add(alias + "assignee = :assignee");
            params.put("assignee", scope.assignee());
        }
        if (scope.location() != null) {
            where.add(alias + "location = :location");
            params.put("location", scope.location());
        }
        if (scope.customerId() != null) {
            where.add(alias + "customer_id = :customerId");
            params.put("customerId", scope.customerId());
        }
        return String.join(" AND ", where);
    }

    @Override
    public List<Group> groups(OrderScope scope, LocalDate today) {
        var params = new LinkedHashMap<String, Object>();
        String where = scopeSql(scope, params, "");
        params.put("today", Date.valueOf(today));
        return jdbc.sql("""
                        SELECT workflow, status, active, document->>'currency' AS currency, count(*) AS orders,
                               count(total_amount) AS priced, COALESCE(sum(total_amount), 0) AS total,
                               count(*) FILTER (WHERE (document->>'targetDeliveryDate')::date < :today) AS past_target
                        FROM %s WHERE %s
                        GROUP BY workflow, status, active, document->>'currency'""".formatted(slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE), where))
                .params(params)
                .query((rs, row) -> new Group(
                        rs.getString("workflow"),
                        rs.getString("status"),
                        rs.getBoolean("active"),
                        rs.getString("currency"),
                        rs.getLong("orders"),
                        rs.getLong("priced"),
                        rs.getBigDecimal("total"),
                        rs.getLong("past_target")))
                .list();
    }

    @Override
    public List<Stuck> stuck(OrderScope scope, List<Limit> limits, int max) {
        if (limits.isEmpty()) {
            return List.of();
        }
        var params = new LinkedHashMap<String, Object>();
        String where = scopeSql(scope, params, "l.");
        String values = values(limits, params);
        params.put("max", max);
        return jdbc.sql("""
                        SELECT l.order_id, l.order_number, l.workflow, l.status, l.status_since, l.assignee, l.location
                        FROM %s l JOIN (VALUES %s) AS k (workflow, status, cutoff)
                          ON l.workflow = k.workflow AND l.status = k.status AND l.status_since < k.cutoff
                        WHERE %s
                        ORDER BY l.status_since, l.order_id
                        LIMIT :max""".formatted(
                                slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE), values, where))
                .params(params)
                .query((rs, row) -> new Stuck(
                        rs.getObject("order_id").toString(),
                        rs.getString("order_number"),
                        rs.getString("workflow"),
                        rs.getString("status"),
                        rs.getTimestamp("status_since").toInstant(),
                        rs.getString("assignee"),
                        rs.getString("location")))
                .list();
    }

    @Override
    public List<StuckCount> stuckCounts(String tenant, List<Limit> limits) {
        if (limits.isEmpty()) {
            return List.of();
        }
        var params = new LinkedHashMap<String, Object>();
        params.put("tenant", tenant);
        String values = values(limits, params);
        return jdbc.sql("""
                        SELECT l.workflow, l.status, count(*) AS orders
                        FROM %s l JOIN (VALUES %s) AS k (workflow, status, cutoff)
                          ON l.workflow = k.workflow AND l.status = k.status AND l.status_since < k.cutoff
                        WHERE l.tenant_id = :tenant
                        GROUP BY l.workflow, l.status""".formatted(slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE), values))
                .params(params)
                .query((rs, row) ->
                        new StuckCount(rs.getString("workflow"), rs.getString("status"), rs.getLong("orders")))
                .list();
    }

    /** The distinct tenants, by a walk of the tenant index that jumps from one tenant to the next. */
    @Override
    public List<String> tenants() {
        return jdbc.sql("""
                        WITH RECURSIVE t (tenant_id) AS (
                            (SELECT tenant_id FROM %1$s ORDER BY tenant_id LIMIT 1)
                            UNION ALL
                            SELECT (SELECT l.tenant_id FROM %1$s l WHERE l.tenant_id > t.tenant_id ORDER BY l.tenant_id LIMIT 1)
                            FROM t WHERE t.tenant_id IS NOT NULL)
                        SELECT tenant_id FROM t WHERE tenant_id IS NOT NULL""".formatted(slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE)))
                .query(String.class)
                .list();
    }

    private static String values(List<Limit> limits, Map<String, Object> params) {
        var values = new java.util.StringJoiner(", ");
        for (int i = 0; i < limits.size(); i++) {
            values.add("(CAST(:w%d AS varchar), CAST(:s%d AS varchar), CAST(:c%d AS timestamptz))".formatted(i, i, i));
            params.put("w" + i, limits.get(i).workflow());
            params.put("s" + i, limits.get(i).status());
            params.put("c" + i, Timestamp.from(limits.get(i).enteredBefore()));
        }
        return values.toString();
    }
}

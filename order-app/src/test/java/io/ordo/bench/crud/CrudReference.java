package io.ordo.bench.crud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's yardstick: the order service a team would write without events, the seeds' own design. Spring MVC
 * and Security (HTTP Basic, the password kept plain so that no hash runs per request: Ordo caches its verified
 * credentials for the same reason) and JDBC; a create writes an orders row and a status-history row in one
 * transaction and answers the order; a status change updates the row (version checked) and adds a history row. Not
 * part of the product: the benchmark starts it beside Ordo on the same PostgreSQL (schema {@code crud}).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    TransactionAutoConfiguration.class
})
@Import(CrudReference.Orders.class)
public class CrudReference {

    public static void main(String[] args) {
        SpringApplication.run(CrudReference.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /**
     * One user, its password kept plain. A lambda, not Spring's in-memory manager: that one would upgrade the plain
     * password to a bcrypt hash on first use and then hash on every request.
     */
    @Bean
    UserDetailsService users() {
        var admin =
                User.withUsername("admin").password("{noop}demo").roles("admin").build();
        return name -> {
            if (!name.equals("admin")) {
                throw new UsernameNotFoundException(name);
            }
            return User.withUserDetails(admin).build();
        };
    }

    @Bean
    Schema schema(JdbcTemplate jdbc) {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS crud");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS crud.orders (id UUID PRIMARY KEY, tenant_id VARCHAR(100) NOT NULL,
                  order_number VARCHAR(40) NOT NULL, workflow VARCHAR(40) NOT NULL, status VARCHAR(40) NOT NULL,
                  customer_name VARCHAR(200), body JSONB NOT NULL, total_amount NUMERIC(19, 4),
                  created_by VARCHAR(255) NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ,
                  version BIGINT NOT NULL, UNIQUE (tenant_id, order_number))""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS crud.status_history (id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL
                  REFERENCES crud.orders (id), status VARCHAR(40) NOT NULL, at TIMESTAMPTZ NOT NULL,
                  by_user VARCHAR(255) NOT NULL)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS status_history_order ON crud.status_history (order_id, id)");
        jdbc.execute("CREATE SEQUENCE IF NOT EXISTS crud.order_number");
        return new Schema();
    }

    record Schema() {}

    /** The two writes, each one transaction. */
    @RestController
    static class Orders {

        private final JdbcTemplate jdbc;
        private final ObjectMapper json;

        Orders(JdbcTemplate jdbc, ObjectMapper json, Schema schema) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @PostMapping("/orders")
        @Transactional
        public ResponseEntity<JsonNode> create(Authentication auth, @RequestBody ObjectNode body) {
            String workflow = body.path("workflow").asText(null);
            String customer = body.path("customer").path("name").asText(null);
            if (workflow == null || customer == null || customer.isBlank()) {
                return ResponseEntity.badRequest().build();
            }
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode item : body.path("items")) {
                total = total.add(new BigDecimal(item.path("unitPrice").asText("0"))
                        .multiply(BigDecimal.valueOf(item.path("quantity").asLong(1))));
            }
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            long number = jdbc.queryForObject("SELECT nextval('crud.order_number')", Long.class);
            String orderNumber = "ORD-%06d".formatted(number);
            jdbc.update(
                    """
                    INSERT INTO crud.orders (id, tenant_id, order_number, workflow, status, customer_name, body,
                                             total_amount, created_by, created_at, version)
                    VALUES (?, 'acme', ?, ?, 'draft', ?, CAST(? AS jsonb), ?, ?, ?, 0)""",
                    id,
                    orderNumber,
                    workflow,
                    customer,
                    body.toString(),
                    total,
                    auth.getName(),
                    Timestamp.from(now));
            jdbc.update(
                    "INSERT INTO crud.status_history (order_id, status, at, by_user) VALUES (?, 'draft', ?, ?)",
                    id,
                    Timestamp.from(now),
                    auth.getName());
            ObjectNode order = body.deepCopy();
            order.put("id", id.toString())
                    .put("orderNumber", orderNumber)
                    .put("status", "draft")
                    .put("totalAmount", total.toPlainString())
                    .put("createdBy", auth.getName())
                    .put("createdAt", now.toString())
                    .put("version", 0);
            return ResponseEntity.status(HttpStatus.CREATED).body(order);
        }

        @PostMapping("/orders/{id}/status")
        @Transactional
        public ResponseEntity<JsonNode> move(Authentication auth, @PathVariable UUID id, @RequestBody ObjectNode body) {
            String status = body.path("status").asText(null);
            if (status == null) {
                return ResponseEntity.badRequest().build();
            }
            Instant now = Instant.now();
            var rows = jdbc.query(
                    """
                    UPDATE crud.orders SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?
                    RETURNING body, order_number, version, total_amount""",
                    (rs, n) -> {
                        try {
                            ObjectNode order = (ObjectNode) json.readTree(rs.getString(1));
                            return order.put("id", id.toString())
                                    .put("orderNumber", rs.getString(2))
                                    .put("status", status)
                                    .put("version", rs.getLong(3))
                                    .put("totalAmount", rs.getBigDecimal(4).toPlainString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    status,
                    Timestamp.from(now),
                    id);
            if (rows.isEmpty()) {
                return ResponseEntity.notFound().build();
            }
            jdbc.update(
                    "INSERT INTO crud.status_history (order_id, status, at, by_user) VALUES (?, ?, ?, ?)",
                    id,
                    status,
                    Timestamp.from(now),
                    auth.getName());
            return ResponseEntity.ok(rows.get(0));
        }
    }
}

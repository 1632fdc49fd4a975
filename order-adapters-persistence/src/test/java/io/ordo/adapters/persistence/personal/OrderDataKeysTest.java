package io.ordo.adapters.persistence.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.adapters.persistence.testing.TestDatabase;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which orders a node knows as erased: those erased before it first asks, its own erasures, and those of other nodes
 * once its poll has seen them (the bound ADR 0016 gives for keys).
 */
class OrderDataKeysTest {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("datakeys"));

    private OrderDataKeys node() {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        return new OrderDataKeys(jdbc, new SecretBox(master));
    }

    @Test
    void a_node_knows_the_orders_erased_before_it_asked_its_own_erasures_and_those_its_poll_saw() {
        String before = UUID.randomUUID().toString();
        var first = node();
        var second = node();
        assertThat(first.anyErased()).as("no erasure yet").isFalse();
        first.destroy(before, "acme", "cust-1");
        assertThat(first.erased(before)).isTrue();

        var later = node();
        assertThat(later.anyErased()).isTrue();
        assertThat(later.erased(before)).as("read once, at the first question").isTrue();
        assertThat(later.erased(UUID.randomUUID().toString())).isFalse();

        assertThat(second.erased(before)).isTrue();
        String elsewhere = UUID.randomUUID().toString();
        later.destroy(elsewhere, "acme", "cust-2");
        assertThat(second.erased(elsewhere))
                .as("another node's erasure, before the poll")
                .isFalse();
        second.forgetErased();
        assertThat(second.erased(elsewhere)).isTrue();
    }
}

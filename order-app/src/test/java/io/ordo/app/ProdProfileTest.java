package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile never runs with the demo users. */
class ProdProfileTest {

    @Test
    void prod_profile_with_demo_users_refuses_to_start() {
        var server = TestDatabase.server();
        var app = new SpringApplicationBuilder(OrdoApplication.class)
                .profiles("prod")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + TestDatabase.newDatabase("prod_refusal"),
                        "spring.datasource.username=" + server.user(),
                        "spring.datasource.password=" + server.password());
        assertThatThrownBy(() -> app.run().close())
                .rootCause()
                .hasMessageContaining("prod profile refuses the demo users");
    }
}

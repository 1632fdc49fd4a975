package io.ordo.adapters.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which retries are the same request as the one a key first came with. */
class IdempotencyFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean same(String first, String second) {
        return IdempotencyFilter.sameRequest(JSON, first, second);
    }

    @Test
    void the_same_method_path_and_json_with_keys_in_any_order_is_the_same_request() {
        assertThat(same("POST /api/orders\n{\"a\": 1, \"b\": [1, 2]}", "POST /api/orders\n{\"b\":[1,2],\"a\":1}"))
                .isTrue();
        assertThat(same("POST /api/orders\n{\"a\": 1}", "POST /api/orders\n{\"a\": 2}"))
                .isFalse();
        assertThat(same("POST /api/orders\n{\"a\": 1}", "POST /api/orders/x/notes\n{\"a\": 1}"))
                .isFalse();
        assertThat(same("POST /api/orders\n{\"a\": [1, 2]}", "POST /api/orders\n{\"a\": [2, 1]}"))
                .isFalse();
        assertThat(same("POST /api/orders\n{\"a\": 1}", "POST /api/orders\n{\"a\": 1, \"b\": null}"))
                .isFalse();
    }

    @Test
    void an_erased_value_of_the_first_request_matches_any_text_and_nothing_else() {
        String erased = "POST /api/orders\n{\"customer\": {\"id\": \"c-1\", \"name\": \"[erased]\"}, \"n\": 1}";

        assertThat(same(erased, "POST /api/orders\n{\"customer\": {\"id\": \"c-1\", \"name\": \"Jane\"}, \"n\": 1}"))
                .isTrue();
        assertThat(same(erased, "POST /api/orders\n{\"customer\": {\"id\": \"c-2\", \"name\": \"Jane\"}, \"n\": 1}"))
                .as("another field differs")
                .isFalse();
        assertThat(same(erased, "POST /api/orders\n{\"customer\": {\"id\": \"c-1\", \"name\": 7}, \"n\": 1}"))
                .isFalse();
        assertThat(same(erased, "POST /api/orders\n{\"customer\": {\"id\": \"c-1\"}, \"n\": 1}"))
                .isFalse();
        assertThat(same("POST /api/orders\n{\"name\": \"Jane\"}", "POST /api/orders\n{\"name\": \"[erased]\"}"))
                .as("only the stored request's erased values stand for any text")
                .isFalse();
    }
}

package io.ordo.adapters.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ordo.adapters.web.json.WebJsonConfiguration;
import io.ordo.adapters.web.problem.ProblemAdvice;
import io.ordo.adapters.web.security.SecurityConfiguration;
import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ConcurrentModificationException;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.PreconditionFailedException;
import io.ordo.application.port.in.campaign.DeliverLeadUseCase;
import io.ordo.application.port.in.campaign.WithdrawLeadUseCase;
import io.ordo.application.port.in.discussion.AddDiscussionNoteUseCase;
import io.ordo.application.port.in.discussion.GetDiscussionUseCase;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.ChainVerification;
import io.ordo.application.port.in.history.EventPage;
import io.ordo.application.port.in.history.GetOrderHistoryUseCase;
import io.ordo.application.port.in.history.GetOrderTimelineUseCase;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.FindOrdersUseCase;
import io.ordo.application.port.in.order.GetOrderUseCase;
import io.ordo.application.port.in.order.NewOrder;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.application.port.in.workflow.ListWorkflowsUseCase;
import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.DetailsPatch;
import io.ordo.domain.exception.DuplicateOrderNumberException;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The web adapter alone, use cases faked: status codes, headers and problem bodies as the contract says. */
@WebMvcTest(controllers = {OrderController.class, WorkflowController.class})
@Import({
    SecurityConfiguration.class,
    WebJsonConfiguration.class,
    ProblemAdvice.class,
    OrderControllerTest.FakeUseCases.class
})
class OrderControllerTest {

    static OrderView view(long version) {
        return new OrderView(
                "3f0c7a4e-0000-4000-8000-000000000001",
                "ORD-2026-000001",
                "standard",
                "draft",
                true,
                List.of("cancelled", "pending"),
                new Customer("cust-1", "Jane", null, null),
                new Contact(null, null, "Jane", null),
                "1 Main St",
                null,
                null,
                null,
                0,
                null,
                List.of(),
                null,
                null,
                new OrderView.Shipping(null, null, null, null),
                null,
                "agent",
                "agent",
                Instant.parse("2026-11-21T20:00:00.123456Z"),
                null,
                null,
                version);
    }

    /** One call of a use case: which, by whom, on which order, with what, at which If-Match version. */
    record Call(String useCase, Caller caller, String orderId, Object argument, Long ifMatch) {}

    /** Records every call of the faked use cases, and answers with one order or throws what a test sets. */
    static final class UseCaseCalls {
        final List<Call> calls = new ArrayList<>();
        RuntimeException failure;

        OrderView answer(String useCase, Caller caller, String orderId, Object argument, Long ifMatch) {
            calls.add(new Call(useCase, caller, orderId, argument, ifMatch));
            if (failure != null) {
                throw failure;
            }
            return view(7);
        }

        Call only(String useCase) {
            assertThat(calls).extracting(Call::useCase).containsExactly(useCase);
            return calls.get(0);
        }
    }

    @TestConfiguration
    static class FakeUseCases {
        @Bean
        UseCaseCalls useCaseCalls() {
            return new UseCaseCalls();
        }

        @Bean
        CreateOrderUseCase create(UseCaseCalls calls) {
            return (caller, order) -> calls.answer("create", caller, null, order, null);
        }

        @Bean
        GetOrderUseCase get(UseCaseCalls calls) {
            return (caller, id) -> calls.answer("get", caller, id, null, null);
        }

        @Bean
        FindOrdersUseCase find(UseCaseCalls calls) {
            return (caller, query) -> {
                calls.answer("find", caller, null, query, null);
                return new OrderPage(List.of(view(7)), null, false);
            };
        }

        @Bean
        UpdateOrderUseCase update(UseCaseCalls calls) {
            return (caller, id, patch, justification, ifMatch) ->
                    calls.answer("update", caller, id, new PatchCall(patch, justification), ifMatch);
        }

        @Bean
        ChangeOrderStatusUseCase status(UseCaseCalls calls) {
            return (caller, id, change, ifMatch) -> calls.answer("status", caller, id, change, ifMatch);
        }

        @Bean
        CancelOrderUseCase cancel(UseCaseCalls calls) {
            return (caller, id, reason, ifMatch) -> calls.answer("cancel", caller, id, reason, ifMatch);
        }

        @Bean
        GetOrderTimelineUseCase timeline(UseCaseCalls calls) {
            return (caller, id) -> {
                calls.answer("timeline", caller, id, null, null);
                return List.of();
            };
        }

        @Bean
        ListWorkflowsUseCase workflows() {
            return Workflows::all;
        }

        @Bean
        DeliverLeadUseCase deliver(UseCaseCalls calls) {
            return (caller, id, lead, ifMatch) -> calls.answer("deliver", caller, id, lead, ifMatch);
        }

        @Bean
        WithdrawLeadUseCase withdraw(UseCaseCalls calls) {
            return (caller, id, lead, ifMatch) -> calls.answer("withdraw", caller, id, lead, ifMatch);
        }

        @Bean
        AddDiscussionNoteUseCase addNote(UseCaseCalls calls) {
            return (caller, id, text) -> {
                calls.answer("note", caller, id, text, null);
                return new NoteView("n-1", caller.userId(), Instant.parse("2026-11-21T20:00:01Z"), text);
            };
        }

        @Bean
        GetDiscussionUseCase notes() {
            return (caller, id) -> List.of();
        }

        @Bean
        GetOrderHistoryUseCase history(UseCaseCalls calls) {
            return new GetOrderHistoryUseCase() {
                public EventPage events(Caller c, String id, String cursor, int limit) {
                    calls.answer("events", c, id, limit, null);
                    return new EventPage(List.of(), null, false);
                }

                public OrderView asOf(Caller c, String id, Instant at) {
                    return calls.answer("asOf", c, id, at, null);
                }

                public ChainVerification verify(Caller c, String id) {
                    calls.answer("verify", c, id, null, null);
                    return ChainVerification.brokenAt(3);
                }
            };
        }
    }

    /** What a merge patch call carries. */
    record PatchCall(DetailsPatch patch, String justification) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    UseCaseCalls useCases;

    @BeforeEach
    void reset() {
        useCases.failure = null;
        useCases.calls.clear();
    }

    @Test
    void create_answers_201_with_location_etag_and_the_caller_from_the_principal() throws Exception {
        mvc.perform(
                        post("/api/orders")
                                .with(httpBasic("manager-north", "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"workflow\": \"standard\", \"items\": [{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 2.50}]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/orders/3f0c7a4e-0000-4000-8000-000000000001"))
                .andExpect(header().string("ETag", "\"7\""))
                .andExpect(jsonPath("$.createdAt").value("2026-11-21T20:00:00.123456Z"));
        var call = useCases.only("create");
        assertThat(call.caller()).isEqualTo(new Caller("manager-north", "acme", Set.of("manager"), "north", null));
        var order = (NewOrder) call.argument();
        assertThat(order.items().get(0).unitPrice()).isEqualByComparingTo("2.50");
    }

    @Test
    void unknown_fields_are_named_and_nothing_is_called() throws Exception {
        mvc.perform(post("/api/orders")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workflow\": \"standard\", \"createdBy\": \"admin\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("createdBy"));
        assertThat(useCases.calls).isEmpty();
    }

    @Test
    void wrong_password_is_a_401_problem() throws Exception {
        mvc.perform(get("/api/orders").with(httpBasic("agent", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(InvalidOrderException.of("status", "bad"), 400, "VALIDATION_FAILED"),
                Arguments.of(new OrderNotFoundException("x"), 404, "NOT_FOUND"),
                Arguments.of(new ForbiddenException("no"), 403, "FORBIDDEN"),
                Arguments.of(new PreconditionFailedException(1, 2), 412, "PRECONDITION_FAILED"),
                Arguments.of(
                        new InvalidTransitionException("standard", "draft", "delivered"), 409, "INVALID_TRANSITION"),
                Arguments.of(new NotEditableException("no"), 409, "NOT_EDITABLE"),
                Arguments.of(new DuplicateOrderNumberException("A"), 409, "DUPLICATE_ORDER_NUMBER"),
                Arguments.of(new ConcurrentModificationException("x"), 409, "CONCURRENT_MODIFICATION"),
                Arguments.of(new IllegalStateException("bug"), 500, "INTERNAL_ERROR"),
                Arguments.of(new DataAccessResourceFailureException("db down"), 503, "UNAVAILABLE"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void each_refusal_is_a_problem_with_its_code(RuntimeException thrown, int status, String code) throws Exception {
        useCases.failure = thrown;
        var result = mvc.perform(post("/api/orders/3f0c7a4e-0000-4000-8000-000000000001/status")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"pending\"}"))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(status))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("at io.ordo", "Exception:");
        if (status == 503) {
            assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
        }
        assertThat(useCases.only("status").orderId()).isEqualTo("3f0c7a4e-0000-4000-8000-000000000001");
    }

    @Test
    void if_match_is_read_as_a_version_and_a_star_as_any() throws Exception {
        String path = "/api/orders/3f0c7a4e-0000-4000-8000-000000000001/cancel";
        mvc.perform(post(path)
                        .with(httpBasic("agent", "demo"))
                        .header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"r\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(path)
                        .with(httpBasic("agent", "demo"))
                        .header("If-Match", "*")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"r\"}"))
                .andExpect(status().isOk());
        assertThat(useCases.calls).extracting(Call::ifMatch).containsExactly(3L, null);
        mvc.perform(post(path)
                        .with(httpBasic("agent", "demo"))
                        .header("If-Match", "W/\"abc\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"r\"}"))
                .andExpect(status().isOk());
        assertThat(useCases.calls.get(2).ifMatch())
                .as("a tag never given out matches no version")
                .isEqualTo(-1L);
        assertThat(useCases.calls).extracting(Call::argument).containsOnly("r");
    }

    @Test
    void merge_patch_names_what_it_sets_and_clears() throws Exception {
        mvc.perform(
                        patch("/api/orders/3f0c7a4e-0000-4000-8000-000000000001")
                                .with(httpBasic("agent", "demo"))
                                .contentType("application/merge-patch+json")
                                .content(
                                        "{\"customer\": {\"phone\": null, \"name\": \"Janet\"}, \"priority\": 3, \"justification\": \"asked\"}"))
                .andExpect(status().isOk());
        var call = (PatchCall) useCases.only("update").argument();
        var patch = call.patch();
        assertThat(patch.fields()).containsExactlyInAnyOrder("customer.phone", "customer.name", "priority");
        assertThat(patch.customer().name()).isEqualTo("Janet");
        assertThat(patch.priority()).isEqualTo(3);
        assertThat(call.justification()).isEqualTo("asked");
        mvc.perform(patch("/api/orders/3f0c7a4e-0000-4000-8000-000000000001")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 9, \"priority\": \"high\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void a_note_answers_201_with_the_note() throws Exception {
        mvc.perform(post("/api/orders/3f0c7a4e-0000-4000-8000-000000000001/notes")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Call back at 5\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("n-1"))
                .andExpect(jsonPath("$.by").value("agent"))
                .andExpect(jsonPath("$.text").value("Call back at 5"));
        assertThat(useCases.only("note").argument()).isEqualTo("Call back at 5");
    }

    @Test
    void as_of_is_an_instant_and_verify_names_the_broken_link() throws Exception {
        String path = "/api/orders/3f0c7a4e-0000-4000-8000-000000000001";
        mvc.perform(get(path).param("asOf", "2026-11-21T20:00:00.5Z").with(httpBasic("auditor", "demo")))
                .andExpect(status().isOk());
        assertThat(useCases.only("asOf").argument()).isEqualTo(Instant.parse("2026-11-21T20:00:00.5Z"));
        mvc.perform(get(path).param("asOf", "yesterday").with(httpBasic("auditor", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get(path + "/verify").with(httpBasic("auditor", "demo")))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.brokenAt").value(3));
    }

    @Test
    void xml_is_not_acceptable() throws Exception {
        mvc.perform(get("/api/orders/3f0c7a4e-0000-4000-8000-000000000001")
                        .with(httpBasic("agent", "demo"))
                        .accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
    }
}

package io.ordo.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.client.api.OrdersApi;
import io.ordo.client.invoker.ApiClient;
import io.ordo.client.model.CreateOrderRequest;
import io.ordo.client.model.CustomerRequest;
import io.ordo.client.model.ItemRequest;
import io.ordo.client.model.ItemRequestUnitPrice;
import io.ordo.client.model.OrderView;
import io.ordo.client.model.StatusChangeRequest;
import io.ordo.client.model.TimelineEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first session, through a client that OpenAPI Generator made from the API description, with no
 * hand-written fix: take an order as the agent, move it to pending, find it in the list, read its timeline. The
 * service is its own jar, started as the README starts it, on an embedded PostgreSQL in a temporary directory.
 */
class ReadmeFirstSessionTest {

    @TempDir
    static Path data;

    static Process ordo;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Files.readAllLines(Path.of(System.getProperty("ordo.jvm-options"))).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList());
        command.addAll(List.of(
                "-jar",
                System.getProperty("ordo.jar"),
                "--server.port=" + port,
                "--ordo.embedded.data-dir=" + data.resolve("ordo"),
                "--ordo.node-id=readme"));
        ordo = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "ordo-readme.log").toFile())
                .start();
        var health = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            try {
                var answer = health.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(Instant.now())
                    .as("Ordo started (see target/ordo-readme.log)")
                    .isBefore(deadline);
            assertThat(ordo.isAlive())
                    .as("Ordo is running (see target/ordo-readme.log)")
                    .isTrue();
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (ordo != null) {
            ordo.destroy();
            ordo.waitFor();
        }
    }

    private static OrdersApi as(String user) {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return new OrdersApi(client);
    }

    @Test
    void the_readme_session_runs_through_the_generated_client() throws Exception {
        var agent = as("agent");
        OrderView order = agent.createOrder(
                new CreateOrderRequest()
                        .workflow(CreateOrderRequest.WorkflowEnum.STANDARD)
                        .customer(new CustomerRequest()
                                .id("cust-1")
                                .name("Jane Doe")
                                .phone("+15550100"))
                        .deliveryAddress("1 Main St, Springfield")
                        .description("Headphones")
                        .currency("USD")
                        .items(List.of(new ItemRequest()
                                .sku("SKU-1")
                                .name("Headphones")
                                .quantity(2)
                                .unitPrice(new ItemRequestUnitPrice("100.00")))),
                null);
        assertThat(order.getStatus()).isEqualTo("draft");
        assertThat(order.getOrderNumber()).startsWith("ORD-");
        assertThat(order.getTotalAmount()).isEqualTo("200.00");
        assertThat(order.getVersion()).isZero();

        OrderView pending = agent.changeOrderStatus(
                order.getId(),
                new StatusChangeRequest().status("pending").note("customer confirmed by phone"),
                null,
                null);
        assertThat(pending.getStatus()).isEqualTo("pending");
        assertThat(pending.getVersion()).isEqualTo(1);

        // the list is a streaming read model: it may lag the write by a moment
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> listed = List.of();
        while (!listed.contains(order.getId()) && Instant.now().isBefore(deadline)) {
            listed = agent
                    .listOrders("pending", null, null, null, null, null, null, null, null, null, null, null, null, null)
                    .getItems()
                    .stream()
                    .map(OrderView::getId)
                    .toList();
            Thread.sleep(50);
        }
        assertThat(listed).contains(order.getId());

        List<TimelineEntry> timeline = agent.getOrderTimeline(order.getId());
        assertThat(timeline).extracting(TimelineEntry::getStatus).containsExactly("draft", "pending");
        assertThat(timeline.get(1).getNote()).isEqualTo("customer confirmed by phone");
        assertThat(timeline.get(1).getBy()).isEqualTo("agent");
    }
}

package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Browser;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console in the system's headless Chromium, as its users meet it: an agent takes an order from a
 * conversation and moves it, edits its details and its lines, delivers a lead and takes it back, a manager cancels one with a
 * reason, a viewer sees no actions, an auditor reads an order's events and its state as of an instant, a campaign
 * shows its progress and that it is overdue, and the API's field error appears at its field. Every screen at 390 and 1280 px wide has no serious or critical axe-core
 * violation and leaves a screenshot in target/console-screenshots.
 */
@OrdoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private String created(String user, String body) {
        var answer = new Http(port, user).post("/api/orders", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    @Test
    void an_agent_takes_an_order_from_a_conversation_and_moves_it_to_pending_then_confirmed() {
        browser.signInAs("agent", "/orders/new?contactId=c-1&conversationId=v-1&name=Jane%20Doe&phone=%2B15550100");

        assertThat(browser.field("Customer name").getAttribute("value")).isEqualTo("Jane Doe");
        assertThat(browser.field("Phone").getAttribute("value")).isEqualTo("+15550100");
        browser.field("Delivery address").sendKeys("1 Main St, Springfield");
        browser.click("Add item");
        browser.field("SKU").sendKeys("SKU-1");
        browser.field("Item name").sendKeys("Headphones");
        browser.field("Quantity").clear();
        browser.field("Quantity").sendKeys("2");
        browser.field("Unit price").sendKeys("49.90");
        browser.awaitText("99.80 USD");
        browser.click("Create order");

        browser.awaitStatus("draft");
        String id = browser.driver().getCurrentUrl().replaceAll(".*/orders/", "");
        browser.click("pending");
        browser.awaitStatus("pending");
        browser.click("confirmed");
        browser.awaitStatus("confirmed");

        JsonNode order = new Http(port, "agent").get("/api/orders/" + id).json();
        assertThat(order.get("status").asText()).isEqualTo("confirmed");
        assertThat(order.at("/contact/contactId").asText()).isEqualTo("c-1");
        assertThat(order.at("/contact/conversationId").asText()).isEqualTo("v-1");
        assertThat(order.at("/customer/name").asText()).isEqualTo("Jane Doe");
        assertThat(order.get("totalAmount").asText()).isEqualTo("99.80");
    }

    @Test
    void the_orders_table_keeps_its_filter_in_the_url_loads_more_and_counts_live_changes() {
        String tag = "Filtered" + System.nanoTime();
        for (int i = 0; i < 27; i++) {
            created("agent", OrderFlowIT.standardOrder(tag + " " + i));
        }
        browser.signInAs("agent", "/orders");

        browser.field("Search").sendKeys(tag);
        browser.click("Filter");
        browser.await(() -> browser.driver().getCurrentUrl().contains("q=" + tag), "the search in the URL");
        browser.awaitScreen();
        browser.await(() -> rows() == 25, "a first page of 25 rows");
        browser.click("Load more");
        browser.await(() -> rows() == 27, "all 27 rows");
        browser.await(() -> browser.findButton("Load more") == null, "no 'Load more' after the last page");

        browser.driver().navigate().refresh();
        browser.awaitScreen();
        assertThat(browser.field("Search").getAttribute("value")).isEqualTo(tag);
        browser.await(() -> rows() == 25, "the filtered first page again after a reload");

        created("agent", OrderFlowIT.standardOrder(tag + " live"));
        browser.await(
                () -> browser.buttons().stream().anyMatch(b -> b.matches("\\d+ new changes?: refresh")),
                "the live badge counting the new order");
    }

    @Test
    void at_390_px_every_column_of_an_order_shows_without_scrolling_sideways() {
        String tag = "Narrow" + System.nanoTime();
        created("agent", OrderFlowIT.standardOrder(tag));
        browser.width(390);
        try {
            browser.signInAs("manager", "/orders?q=" + tag);
            browser.await(() -> rows() == 1, "the order's row");
            var cells = browser.driver().findElements(By.cssSelector("table.orders tbody tr td"));
            assertThat(cells).hasSize(8);
            int viewport =
                    ((Number) browser.driver().executeScript("return document.documentElement.clientWidth")).intValue();
            for (var cell : cells) {
                assertThat(cell.isDisplayed())
                        .as(cell.getAttribute("data-label"))
                        .isTrue();
                assertThat(cell.getRect().getX() + cell.getRect().getWidth())
                        .as(cell.getAttribute("data-label") + " within the screen")
                        .isLessThanOrEqualTo(viewport);
            }
            assertThat(cells.get(3).getText()).isEqualTo("draft");
            assertThat(cells.get(5).getText()).isEqualTo("agent");
            assertThat(browser.driver()
                            .executeScript("return getComputedStyle(arguments[0], '::before').content", cells.get(3)))
                    .as("each value named beside it")
                    .isEqualTo("\"Status\"");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("table.orders"))
                            .getAccessibleName())
                    .isEqualTo("Orders");
        } finally {
            browser.width(1280);
        }
    }

    @Test
    void a_wrong_password_is_refused_on_the_sign_in_screen() {
        browser.open("/sign-in");
        browser.driver().executeScript("sessionStorage.clear()");
        browser.open("/orders");
        browser.field("Username").sendKeys("agent");
        browser.field("Password").sendKeys("not-the-password");
        browser.click("Sign in");
        browser.await(
                () -> browser.driver().findElements(By.cssSelector("main [role=alert]")).stream()
                        .anyMatch(a -> a.getText().equals("Those credentials were not accepted.")),
                "the refusal");
        assertThat(browser.driver().getCurrentUrl()).contains("/sign-in?next=");
    }

    private int rows() {
        return browser.driver()
                .findElements(By.cssSelector("table.orders tbody tr"))
                .size();
    }

    @Test
    void a_manager_cancels_another_order_with_a_reason() {
        String id = created("agent2", OrderFlowIT.standardOrder("Cancel Me"));
        browser.signInAs("manager", "/orders/" + id);

        browser.click("Cancel order");
        browser.field("Reason").sendKeys("customer withdrew");
        browser.click("Confirm");

        browser.awaitStatus("cancelled");
        JsonNode timeline =
                new Http(port, "manager").get("/api/orders/" + id + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("reason").asText()).isEqualTo("customer withdrew");
    }

    @Test
    void a_viewer_sees_the_order_but_no_action_button() {
        String id = created("agent", OrderFlowIT.standardOrder("Only Looking"));
        browser.signInAs("viewer", "/orders/" + id);

        browser.awaitStatus("draft");
        assertThat(browser.driver().findElements(By.cssSelector("[role=group][aria-label=Actions]")))
                .isEmpty();
        assertThat(browser.buttons()).doesNotContain("pending", "Cancel order", "Assign", "Add note");
    }

    @Test
    void an_auditor_reads_the_orders_events_and_the_order_as_of_an_instant() {
        String id = created("agent", OrderFlowIT.standardOrder("Audited Customer"));
        new Http(port, "agent").post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
        browser.signInAs("auditor", "/orders/" + id);

        browser.awaitStatus("pending");
        browser.click("Show events");
        browser.awaitText("OrderCreated");
        browser.awaitText("OrderStatusChanged");
        browser.click("Show as of");
        browser.awaitText("The order as of");
        browser.click("Verify");
        browser.awaitText("the hash chain of 2 events is intact");
    }

    @Test
    void a_campaign_shows_its_progress_and_that_it_is_overdue() {
        String id = created("agent", """
                {"workflow": "lead_campaign", "customer": {"name": "Lead Buyer"},
                 "leadsPurchased": 4, "targetDeliveryDate": "%s"}""".formatted(LocalDate.now().minusDays(3)));
        var agent = new Http(port, "agent");
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
        for (String lead : List.of("lead-1", "lead-2", "lead-3")) {
            assertThat(agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"" + lead + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        browser.signInAs("agent", "/orders/" + id);

        browser.awaitText("3 of 4 leads delivered");
        assertThat(browser.driver().findElement(By.cssSelector("progress")).getAccessibleName())
                .isEqualTo("Leads delivered");
        assertThat(browser.driver().findElement(By.cssSelector("progress")).getAttribute("value"))
                .isEqualTo("3");
        browser.awaitText("Overdue by 3 days");
    }

    @Test
    void an_agent_edits_an_orders_details_and_a_cleared_name_is_refused_at_its_field() throws Exception {
        String id = created("agent", OrderFlowIT.standardOrder("Edit Me"));
        browser.signInAs("agent", "/orders/" + id);

        browser.click("Edit details");
        assertThat(browser.field("Customer name").getAttribute("value")).isEqualTo("Edit Me");
        browser.field("Phone").clear();
        browser.field("Phone").sendKeys("+15550177");
        browser.field("Delivery address").clear();
        browser.field("Delivery address").sendKeys("9 New Road");
        assertThat(browser.seriousAccessibilityViolations())
                .as("the open dialog")
                .isEmpty();
        browser.click("Confirm");
        browser.awaitText("9 New Road");

        var agent = new Http(port, "agent");
        JsonNode order = agent.get("/api/orders/" + id).json();
        assertThat(order.at("/customer/phone").asText()).isEqualTo("+15550177");
        assertThat(order.get("deliveryAddress").asText()).isEqualTo("9 New Road");
        assertThat(order.at("/customer/name").asText())
                .as("unchanged fields are not sent")
                .isEqualTo("Edit Me");
        assertThat(order.get("version").asLong()).isEqualTo(1);

        browser.click("Edit details");
        browser.field("Customer name").clear();
        browser.click("Confirm");
        var name = browser.field("Customer name");
        browser.await(() -> "true".equals(name.getAttribute("aria-invalid")), "the name marked invalid");
        assertThat(browser.driver()
                        .findElement(By.id(name.getAttribute("aria-describedby")))
                        .getText())
                .isNotBlank();
        assertThat(agent.get("/api/orders/" + id).json().get("version").asLong())
                .as("nothing stored")
                .isEqualTo(1);
        browser.click("Close");
    }

    @Test
    void an_agent_changes_an_orders_lines_and_the_total_follows() {
        // two lines: 2 × Headphones at 100.00 and 1 × Cable at 9.50
        String id = created("agent", OrderFlowIT.standardOrder("Lines Changed"));
        browser.signInAs("agent", "/orders/" + id);

        browser.click("Edit items");
        browser.awaitText("Items of order");
        assertThat(browser.field("SKU").getAttribute("value")).isEqualTo("SKU-1");
        browser.awaitText("209.50 USD");
        browser.click("Remove item");
        browser.field("Quantity").clear();
        browser.field("Quantity").sendKeys("3");
        browser.awaitText("28.50 USD");
        browser.click("Save items");

        browser.awaitStatus("draft");
        browser.awaitText("28.50 USD");
        JsonNode order = new Http(port, "agent").get("/api/orders/" + id).json();
        assertThat(order.get("items")).hasSize(1);
        assertThat(order.at("/items/0/sku").asText()).isEqualTo("SKU-2");
        assertThat(order.at("/items/0/quantity").asInt()).isEqualTo(3);
        assertThat(order.get("totalAmount").asText()).isEqualTo("28.50");
        assertThat(order.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void an_agent_delivers_a_lead_to_a_campaign_and_takes_it_back() {
        String id = created("agent", """
                {"workflow": "lead_campaign", "customer": {"name": "Lead Taker"}, "leadsPurchased": 4}""");
        assertThat(new Http(port, "agent")
                        .post("/api/orders/" + id + "/status", "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
        browser.signInAs("agent", "/orders/" + id);

        browser.click("Deliver lead");
        browser.field("Lead id").sendKeys("lead-a");
        browser.click("Confirm");
        browser.awaitText("1 of 4 leads delivered");
        browser.click("Take back lead");
        browser.field("Lead id").sendKeys("lead-a");
        browser.click("Confirm");
        browser.awaitText("0 of 4 leads delivered");

        var types = new ArrayList<String>();
        new Http(port, "manager")
                .get("/api/orders/" + id + "/events")
                .json()
                .get("items")
                .forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("OrderCreated", "OrderStatusChanged", "LeadDelivered", "LeadWithdrawn");
    }

    @Test
    void the_apis_field_error_appears_at_its_field_and_nothing_is_created() {
        browser.signInAs("agent", "/orders/new?name=Wrong%20Mail");
        long before = new Http(port, "agent")
                .get("/api/orders?q=Wrong%20Mail")
                .json()
                .get("items")
                .size();

        browser.field("Delivery address").sendKeys("2 Side St");
        browser.field("E-mail").sendKeys("not-an-address");
        browser.click("Create order");

        var email = browser.field("E-mail");
        browser.await(() -> "true".equals(email.getAttribute("aria-invalid")), "the e-mail field marked invalid");
        String message = browser.driver()
                .findElement(By.id(email.getAttribute("aria-describedby")))
                .getText();
        assertThat(message).isEqualTo("must be an e-mail address");
        assertThat(browser.driver().getCurrentUrl()).contains("/orders/new");
        assertThat(new Http(port, "agent")
                        .get("/api/orders?q=Wrong%20Mail")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(before);
    }

    @Test
    void every_screen_at_both_widths_has_no_serious_accessibility_violation() throws Exception {
        String order = created("agent", OrderFlowIT.standardOrder("Accessible Customer"));
        String campaign = created("agent", """
                {"workflow": "lead_campaign", "customer": {"name": "Accessible Buyer"},
                 "leadsPurchased": 10, "targetDeliveryDate": "%s"}""".formatted(LocalDate.now().plusDays(30)));
        var screens = List.of(
                new String[] {"sign-in", null, "/sign-in"},
                new String[] {"orders", "admin", "/orders"},
                new String[] {"new-order", "agent", "/orders/new?contactId=c-1&name=Jane%20Doe"},
                new String[] {"order", "admin", "/orders/" + order},
                new String[] {"items", "agent", "/orders/" + order + "/items"},
                new String[] {"campaign", "agent", "/orders/" + campaign},
                new String[] {"compliance", "auditor", "/audit"},
                new String[] {"reports", "manager", "/reports"});
        var violations = new ArrayList<String>();
        for (int width : List.of(390, 1280)) {
            browser.width(width);
            for (String[] screen : screens) {
                if (screen[1] == null) {
                    browser.open("/sign-in");
                    browser.driver().executeScript("sessionStorage.clear()");
                    browser.open("/sign-in");
                    browser.field("Username");
                } else {
                    browser.signInAs(screen[1], screen[2]);
                    browser.await(
                            () -> browser.driver()
                                            .findElements(By.cssSelector("main h1"))
                                            .size()
                                    == 1,
                            "the screen " + screen[0]);
                    browser.await(
                            () -> browser.driver()
                                    .findElements(By.cssSelector("main p[role=status]"))
                                    .isEmpty(),
                            "the screen " + screen[0] + " loaded");
                }
                browser.screenshot(screen[0] + "-" + width);
                browser.seriousAccessibilityViolations()
                        .forEach(v -> violations.add(screen[0] + " at " + width + " px: " + v));
            }
        }
        browser.width(1280);
        assertThat(violations).isEmpty();
    }
}

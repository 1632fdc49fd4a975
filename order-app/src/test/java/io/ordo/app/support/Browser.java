package io.ordo.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium, with
 * the console's controls found by their accessible names, as a user of assistive technology finds them. No browser
 * is downloaded: without the system's, the test fails and says how to install it ({@code .ci/run} does).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ordo.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ordo.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final int port;
    private final Path profile;

    private Browser(int port) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "The console's browser tests need Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                            + ": apt-get install chromium chromium-driver (bash .ci/run installs them)");
        }
        this.port = port;
        this.profile = Files.createTempDirectory("ordo-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public static Browser start(int port) {
        try {
            return new Browser(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a console path (from the service's root). */
    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs out (forgets this tab's credentials) and signs in as {@code user} on the sign-in screen. */
    public void signInAs(String user, String path) {
        open("/sign-in");
        driver.executeScript("sessionStorage.clear()");
        open(path);
        field("Username").sendKeys(user);
        field("Password").sendKeys("demo");
        click("Sign in");
        await(() -> driver.findElements(By.cssSelector("#session button")).size() == 1, "signed in as " + user);
        awaitScreen();
    }

    /** Waits until the screen is drawn: its heading is there and nothing on it is loading. */
    public void awaitScreen() {
        await(
                () -> driver.findElements(By.cssSelector("main h1")).size() == 1
                        && driver.findElements(By.cssSelector("main [data-loading]"))
                                .isEmpty()
                        && !driver.findElement(By.cssSelector("main h1"))
                                .getText()
                                .equals("Sign in"),
                "the screen at " + driver.getCurrentUrl());
    }

    public void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
    }

    /** The control labelled {@code label} (a label element's text), waited for. */
    public WebElement field(String label) {
        return await(
                () -> {
                    for (WebElement candidate :
                            driver.findElements(By.cssSelector("input, select, textarea, output"))) {
                        if (candidate.isDisplayed() && label.equals(candidate.getAccessibleName())) {
                            return candidate;
                        }
                    }
                    return null;
                },
                "a field named '" + label + "'");
    }

    /** The button (or link acting as one) whose accessible name is {@code name}, waited for. */
    public WebElement button(String name) {
        return await(() -> findButton(name), "a button named '" + name + "'");
    }

    /** Clicks the button named {@code name}, finding it again if the screen was redrawn in between. */
    public void click(String name) {
        await(
                () -> {
                    WebElement found = findButton(name);
                    if (found == null) {
                        return false;
                    }
                    found.click();
                    return true;
                },
                "a button named '" + name + "' to click");
    }

    /** The visible button named {@code name} now, or null (looked up again if the screen is redrawn meanwhile). */
    public WebElement findButton(String name) {
        return unstaled(() -> {
            for (WebElement candidate : driver.findElements(By.cssSelector("button, [role=button]"))) {
                if (candidate.isDisplayed() && name.equals(candidate.getAccessibleName())) {
                    return candidate;
                }
            }
            return null;
        });
    }

    /** The visible buttons' accessible names (looked up again if the screen is redrawn meanwhile). */
    public List<String> buttons() {
        return unstaled(() -> {
            var names = new ArrayList<String>();
            for (WebElement candidate : driver.findElements(By.cssSelector("main button, main [role=button]"))) {
                if (candidate.isDisplayed()) {
                    names.add(candidate.getAccessibleName());
                }
            }
            return names;
        });
    }

    /**
     * {@code lookUp}'s answer from a screen that stood still while it looked: every redraw replaces the elements, so
     * one replaced halfway through the look-up makes it start again.
     */
    private static <T> T unstaled(Supplier<T> lookUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                return lookUp.get();
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 10) {
                    throw redrawn;
                }
            }
        }
    }

    /** The element named "Status" (the order's status), once it shows {@code status}. */
    public void awaitStatus(String status) {
        await(
                () -> {
                    for (WebElement candidate : driver.findElements(By.cssSelector("[role=status]"))) {
                        if ("Status".equals(candidate.getAccessibleName())
                                && status.equals(candidate.getText().trim())) {
                            return candidate;
                        }
                    }
                    return null;
                },
                "the status '" + status + "'");
    }

    public WebElement awaitText(String text) {
        return await(
                () -> driver.findElements(By.tagName("main")).stream()
                                .anyMatch(m -> m.getText().contains(text))
                        ? driver.findElement(By.tagName("main"))
                        : null,
                "the text '" + text + "'");
    }

    /**
     * Waits until {@code probe} answers something (or true); an element the screen replaced meanwhile (every redraw
     * replaces its elements) counts as not yet, and the probe looks again.
     */
    public <T> T await(Supplier<T> probe, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "waited for " + what + " on " + driver.getCurrentUrl())
                .until(d -> {
                    T found = probe.get();
                    return found instanceof Boolean b ? (b ? found : null) : found;
                });
    }

    /** Saves a screenshot as {@code target/console-screenshots/<name>.png}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static String axeSource;

    /** axe-core's violations of impact serious or critical on the page as it is now: rule id and the nodes. */
    public List<String> seriousAccessibilityViolations() throws IOException {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(in)
                        .as("axe.min.js from com.deque.html.axe-core:selenium")
                        .isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        var js = (JavascriptExecutor) driver;
        js.executeScript(axeSource);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));""");
        JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
        var serious = new ArrayList<String>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                var targets = new ArrayList<String>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(v.path("id").asText() + " (" + impact + "): "
                        + v.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

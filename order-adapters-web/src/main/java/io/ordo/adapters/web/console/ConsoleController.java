package io.ordo.adapters.web.console;

import io.ordo.adapters.web.problem.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The staff console's pages: every path of the single-page console answers its one HTML page, which reads the path
 * and draws the screen (docs/console.md). The console's scripts and styles are static files under
 * {@code /console/}; it calls the public API only, and for single sign-on these two console endpoints.
 */
@Controller
@Hidden // the console's own endpoints, described in docs/console.md, not part of the API
public class ConsoleController {

    private final ConsoleSignOn signOn;

    public ConsoleController(ConsoleSignOn signOn) {
        this.signOn = signOn;
    }

    /** The body the page sends back after the identity provider redirected the user to it. */
    public record CodeExchange(String code, String codeVerifier, String redirectUri) {}

    @GetMapping({"/", "/orders", "/orders/new", "/orders/{id}", "/orders/{id}/items", "/audit", "/reports", "/sign-in"})
    public String page() {
        return "forward:/console/index.html";
    }

    /** How the console may sign users in: without single sign-on, {@code sso} is null. */
    public record SignInOptions(ConsoleSignOn.Settings sso) {}

    @GetMapping(path = "/console/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public SignInOptions settings() {
        return new SignInOptions(signOn.settings().orElse(null));
    }

    /** Exchanges the identity provider's code (with the PKCE verifier) for an access token. */
    @PostMapping(
            path = "/console/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<?> token(@RequestBody CodeExchange body) {
        return signOn.exchange(body.code(), body.codeVerifier(), body.redirectUri())
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok(Map.of("accessToken", token)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.of(
                                HttpStatus.UNAUTHORIZED,
                                "UNAUTHENTICATED",
                                "The identity provider did not accept this sign-in; sign in again.")));
    }
}

package io.ordo.adapters.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff console's pages: every path of the single-page console answers its one HTML page, which reads the path
 * and draws the screen (docs/console.md). The console's scripts and styles are static files under
 * {@code /console/}; it calls the public API only.
 */
@Controller
public class ConsoleController {

    @GetMapping({"/", "/orders", "/orders/new", "/orders/{id}", "/audit", "/reports", "/sign-in"})
    public String page() {
        return "forward:/console/index.html";
    }
}

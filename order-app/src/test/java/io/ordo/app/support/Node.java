package io.ordo.app.support;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.OrdoApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of several Ordo nodes in this JVM on one database: an application context on a port of its own, with its own
 * token-store node id (two contexts in one JVM would otherwise both think they own every claim).
 */
public final class Node {

    private Node() {}

    public static ConfigurableApplicationContext start(
            String url, TestDatabase.Server server, String nodeId, String... args) {
        // command-line arguments: they outrank application.yml (server.port there reads SERVER_PORT)
        var all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--ordo.node-id=" + nodeId,
                "--spring.application.name=ordo-" + nodeId));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(OrdoApplication.class).run(all.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }
}

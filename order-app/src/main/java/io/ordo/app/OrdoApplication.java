package io.ordo.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ordo, the event-sourced order service. */
@SpringBootApplication
public class OrdoApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdoApplication.class, args);
    }
}

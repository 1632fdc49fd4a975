package io.ordo.adapters.web;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The smallest context for {@code @WebMvcTest}s of the web adapter: a clock, nothing of the app. */
@SpringBootConfiguration
@EnableAutoConfiguration
@org.springframework.context.annotation.ComponentScan
class WebTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

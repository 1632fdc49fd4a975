package io.ordo.app.support;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.OrdoApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port over real PostgreSQL; every class with it shares one context and database. The
 * INFO line per answered write is left out of the build's output (thousands of them, the fuzz run's most of all);
 * StructuredLogsIT checks those lines in a service of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = OrdoApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.ordo.adapters.web.logging.RequestLogFilter=WARN")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface OrdoIntegrationTest {}

package io.ordo.app.support;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.OrdoApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The whole app on a random port over real PostgreSQL; every class with it shares one context and database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OrdoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface OrdoIntegrationTest {}

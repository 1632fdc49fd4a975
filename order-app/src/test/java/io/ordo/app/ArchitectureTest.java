package io.ordo.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the hexagon honest: dependencies point inwards, the core is free of Spring, adapters never use
 * each other. The onion rule fails when a layer is empty, so a renamed package breaks the build.
 */
@AnalyzeClasses(packages = "io.ordo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = onionArchitecture()
            .domainModels("io.ordo.domain..")
            .domainServices("io.ordo.application.port..")
            .applicationServices("io.ordo.application.service..")
            .adapter("web", "io.ordo.adapters.web..")
            .adapter("persistence", "io.ordo.adapters.persistence..")
            .adapter("projections", "io.ordo.projections..")
            .ignoreDependency(resideInAPackage("io.ordo.app.."), alwaysTrue());

    @ArchTest
    static final ArchRule domain_depends_on_java_and_axon_modelling_only = classes()
            .that()
            .resideInAPackage("io.ordo.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.ordo.domain..",
                    "java..",
                    "org.axonframework.modelling..",
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.commandhandling..",
                    "org.axonframework.messaging..",
                    "org.axonframework.serialization..");

    @ArchTest
    static final ArchRule application_is_free_of_spring_and_adapters = noClasses()
            .that()
            .resideInAPackage("io.ordo.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..",
                    "io.ordo.adapters..",
                    "io.ordo.projections..",
                    "io.ordo.app..")
            .because("use cases know nothing of Spring, HTTP or storage (STYLE.md section 4)");

    @ArchTest
    static final ArchRule web_talks_to_use_cases_only = noClasses()
            .that()
            .resideInAPackage("io.ordo.adapters.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework..",
                    "io.ordo.application.service..",
                    "io.ordo.application.port.out..",
                    "org.springframework.jdbc..")
            .because("the web layer calls use cases, never the command gateway, services or repositories");
}

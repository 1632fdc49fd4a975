package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout a newcomer relies on: every main package says what it is for in a {@code package-info.java}, and no
 * main package grows past twelve classes (split it by concern instead). Read from the sources, because a
 * package-info with only a comment leaves no class file behind.
 */
class PackageLayoutTest {

    private static final int MOST_CLASSES_PER_PACKAGE = 12;

    @Test
    void every_main_package_has_a_package_info_and_at_most_twelve_classes() throws IOException {
        Map<Path, List<Path>> packages = mainPackages();
        assertThat(packages).as("main packages found").hasSizeGreaterThan(20);
        packages.forEach((directory, files) -> {
            assertThat(files)
                    .as(directory + " has a package-info.java")
                    .anyMatch(file -> file.getFileName().toString().equals("package-info.java"));
            assertThat(files.stream()
                            .filter(file -> !file.getFileName().toString().equals("package-info.java")))
                    .as(directory + " holds at most " + MOST_CLASSES_PER_PACKAGE + " classes")
                    .hasSizeLessThanOrEqualTo(MOST_CLASSES_PER_PACKAGE);
        });
    }

    /** Each directory of main sources that holds Java files, with those files; the build runs in order-app. */
    private static Map<Path, List<Path>> mainPackages() throws IOException {
        var packages = new TreeMap<Path, List<Path>>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("order-"))
                    .toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> directories = Files.walk(sources)) {
                    for (Path directory : directories.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> files = Files.list(directory)) {
                            var java = files.filter(f -> f.toString().endsWith(".java"))
                                    .toList();
                            if (!java.isEmpty()) {
                                packages.put(module.getFileName().resolve(sources.relativize(directory)), java);
                            }
                        }
                    }
                }
            }
        }
        return packages;
    }
}

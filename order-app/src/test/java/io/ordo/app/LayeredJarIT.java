package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.OrdoProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layered jar the Dockerfile uses (no image can be built here: no registry to pull a base image from): the
 * jar's layers are the four the Dockerfile copies, in that order, and extracting them gives a launcher and Ordo's
 * classes where the Dockerfile's entry point expects them.
 */
class LayeredJarIT {

    private static List<String> run(String... args) throws Exception {
        var command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void the_jar_has_the_layers_the_dockerfile_copies_and_they_extract_to_a_runnable_tree(@TempDir Path scratch)
            throws Exception {
        List<String> layers = run("-Djarmode=tools", "-jar", OrdoProcess.jar().toString(), "list-layers");
        var copied = new ArrayList<String>();
        var copy = Pattern.compile("COPY --from=layers /layers/extracted/([a-z-]+)/ \\./");
        for (String line : Files.readAllLines(Path.of("..", "Dockerfile"))) {
            var matcher = copy.matcher(line);
            if (matcher.matches()) {
                copied.add(matcher.group(1));
            }
        }
        assertThat(copied).containsExactlyElementsOf(layers);
        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

        run(
                "-Djarmode=tools",
                "-jar",
                OrdoProcess.jar().toString(),
                "extract",
                "--layers",
                "--launcher",
                "--destination",
                scratch.resolve("extracted").toString());
        Path extracted = scratch.resolve("extracted");
        assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/io/ordo/app/OrdoApplication.class"))
                .exists();
        assertThat(extracted.resolve("application/BOOT-INF/classes/application.yml"))
                .exists();
        try (var libraries = Files.list(extracted.resolve("dependencies/BOOT-INF/lib"))) {
            assertThat(libraries.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("axon-"))
                    .anyMatch(name -> name.startsWith("postgresql-"));
        }
    }
}

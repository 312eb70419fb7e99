package io.chainline.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTest {

    @Test
    void runsTheMainClassWithTheCurrentJavaAndClassPath() throws IOException {
        List<String> command =
                JavaCommand.forMainClass("io.chainline.runner.Main", List.of("start-kafka", "--foreground"));

        assertThat(Path.of(command.get(0))).isExecutable();
        assertThat(Files.isSameFile(
                        Path.of(command.get(0)).getParent().getParent(), Path.of(System.getProperty("java.home"))))
                .isTrue();
        int cp = command.indexOf("-cp");
        assertThat(cp).isPositive();
        assertThat(command.subList(cp, command.size()))
                .containsExactly(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.chainline.runner.Main",
                        "start-kafka",
                        "--foreground");
        assertThat(command.subList(1, cp)).allMatch(option -> option.startsWith("--add-"));
    }

    @Test
    void keepsOnlyModuleOptionsInEitherForm() {
        List<String> options = JavaCommand.moduleOptions(List.of(
                "-Xmx1g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dfoo=bar",
                "--add-exports",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "-ea",
                "--add-opens",
                "java.base/java.nio=ALL-UNNAMED",
                "--add-exports"));

        assertThat(options)
                .containsExactly(
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-exports",
                        "java.base/sun.nio.ch=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.nio=ALL-UNNAMED");
    }
}

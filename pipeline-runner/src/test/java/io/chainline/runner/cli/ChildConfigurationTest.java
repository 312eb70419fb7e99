package io.chainline.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration a {@code start-*} command hands to its background child: the same, with no secret in argv. */
class ChildConfigurationTest {
    private static final String SECRET = "s3cret-Pa55";

    @TempDir
    Path dir;

    /** Parses {@code args} like the command line does and returns the root command, ready to load configuration. */
    private static RootCommand parse(
            Map<String, String> environment, Map<String, String> systemProperties, List<String> args) {
        StringWriter sink = new StringWriter();
        CommandLine cli = new ChainlineCli(new PrintWriter(sink), new PrintWriter(sink), environment, systemProperties)
                .commandLine();
        cli.parseArgs(args.toArray(String[]::new));
        return cli.getCommand();
    }

    private static String render(Config config) {
        return config.root().render(ConfigRenderOptions.concise());
    }

    @Test
    void theChildLoadsTheParentsConfigurationWithoutASecretOnItsCommandLine() throws IOException {
        Path applicationFile = dir.resolve("application-replacement.conf");
        Files.writeString(applicationFile, "chainline.store.root = \"file:/from-config-file-property\"");
        Path configFile = dir.resolve("option.conf");
        Files.writeString(configFile, "chainline.postgres.user = from-option-file");
        Map<String, String> environment =
                Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString(), "CHAINLINE_KAFKA_BOOTSTRAP", "env:9092");
        Map<String, String> systemProperties = Map.of(
                "config.file", applicationFile.toString(),
                "chainline.kafka.bootstrap", "sys:9092",
                "chainline.ingest.partitions", "5",
                "java.io.tmpdir", "/tmp");
        RootCommand parent = parse(
                environment,
                systemProperties,
                List.of(
                        "status",
                        "--config",
                        configFile.toString(),
                        "--set",
                        "chainline.postgres.password=" + SECRET,
                        "--set",
                        "chainline.ingest.partitions=7"));
        Config parentConfig = parent.environment().config(parent.options());

        ChildConfiguration child = parent.environment()
                .childConfiguration(parent.options(), List.of("chainline.state-dir=" + dir.resolve("state")));

        assertThat(String.join(" ", child.jvmOptions()) + " " + String.join(" ", child.arguments()))
                .doesNotContain(SECRET)
                .doesNotContain("sys:9092")
                .contains("--set-from-env " + ChildConfiguration.VARIABLE_PREFIX + "1");
        assertThat(child.jvmOptions()).containsExactly("-Dconfig.file=" + applicationFile.toAbsolutePath());
        assertThat(child.environment())
                .containsValues("chainline.postgres.password=" + SECRET, "chainline.kafka.bootstrap=sys:9092");

        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.putAll(child.environment());
        Map<String, String> childProperties = new HashMap<>();
        for (String option : child.jvmOptions()) {
            String[] property = option.substring("-D".length()).split("=", 2);
            childProperties.put(property[0], property[1]);
        }
        List<String> childArgs = new ArrayList<>(List.of("status"));
        childArgs.addAll(child.arguments());
        RootCommand childRoot = parse(childEnvironment, childProperties, childArgs);
        Config childConfig = childRoot.environment().config(childRoot.options());

        assertThat(render(childConfig)).isEqualTo(render(parentConfig));
        assertThat(childConfig.getString("chainline.postgres.password")).isEqualTo(SECRET);
        assertThat(childConfig.getString("chainline.kafka.bootstrap")).isEqualTo("sys:9092");
        assertThat(childConfig.getInt("chainline.ingest.partitions")).isEqualTo(7);
        assertThat(childConfig.getString("chainline.postgres.user")).isEqualTo("from-option-file");
        assertThat(childConfig.getString("chainline.store.root")).isEqualTo("file:/from-config-file-property");
    }

    @Test
    void aMissingVariableOfSetFromEnvIsAConfigurationError() {
        RootCommand root = parse(Map.of(), Map.of(), List.of("status", "--set-from-env", "NOT_THERE"));

        assertThatThrownBy(() -> root.environment().config(root.options()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'NOT_THERE' for '--set-from-env': no such environment variable; expected"
                        + " one holding chainline.<key>=<value>");
    }

    @Test
    void theHiddenOptionIsNotInTheHelp() {
        CliRun help = CliRun.run(Map.of(), "status", "--help");

        assertThat(help.out() + help.err()).contains("--set").doesNotContain("--set-from-env");
    }
}

package io.chainline.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How a {@code start-*} command hands its configuration to the background child that runs the service, so that the
 * child sees exactly the configuration of the command that started it, without putting a value on the child's
 * command line, which every user of the machine can read ({@code ps}, {@code /proc/<pid>/cmdline}).
 *
 * <p>Every override travels in its own environment variable ({@code CHAINLINE_CHILD_SET_<n>}, readable only by the
 * user that runs the child), named on the command line with {@code --set-from-env}: first the {@code -Dchainline.*}
 * system properties, then the {@code --set} overrides in the order given, then the command's own. As later
 * overrides win, this keeps the precedence of the parent (system properties below {@code --set}). Secrets given with
 * {@code --set} (passwords, tokens) are therefore never on a command line. The {@code --config} file and the
 * {@code -Dconfig.file}, {@code -Dconfig.resource} and {@code -Dconfig.url} properties are passed as they are: they
 * name where configuration is, not what it says.
 *
 * @param jvmOptions options for the child JVM ({@code -Dconfig.file=…})
 * @param arguments arguments for the child command ({@code --config FILE}, {@code --set-from-env VARIABLE})
 * @param environment variables added to the child's environment
 */
record ChildConfiguration(List<String> jvmOptions, List<String> arguments, Map<String, String> environment) {
    /** The prefix of the variables that carry overrides; a number follows. */
    static final String VARIABLE_PREFIX = "CHAINLINE_CHILD_SET_";

    private static final List<String> APPLICATION_PROPERTIES = List.of("config.file", "config.resource", "config.url");

    ChildConfiguration {
        jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /**
     * The child's configuration.
     *
     * @param options the parent's global options ({@code --config})
     * @param overrides the parent's overrides, in order ({@code --set}, then {@code --set-from-env})
     * @param systemProperties the parent's system properties
     * @param extra overrides the command adds after all others, e.g. the state directory it resolved
     */
    static ChildConfiguration of(
            GlobalOptions options, List<String> overrides, Map<String, String> systemProperties, List<String> extra) {
        requireNonNull(options, "options is null");
        requireNonNull(overrides, "overrides is null");
        requireNonNull(systemProperties, "systemProperties is null");
        requireNonNull(extra, "extra is null");
        List<String> jvmOptions = new ArrayList<>();
        for (String property : APPLICATION_PROPERTIES) {
            String value = systemProperties.get(property);
            if (value != null) {
                String absolute = property.equals("config.file")
                        ? Path.of(value).toAbsolutePath().toString()
                        : value;
                jvmOptions.add("-D" + property + "=" + absolute);
            }
        }
        List<String> all = new ArrayList<>();
        new TreeMap<>(systemProperties).forEach((key, value) -> {
            if (key.startsWith("chainline.")) {
                all.add(key + "=" + value);
            }
        });
        all.addAll(overrides);
        all.addAll(extra);

        List<String> arguments = new ArrayList<>();
        if (options.configFile() != null) {
            arguments.add("--config");
            arguments.add(options.configFile().toAbsolutePath().toString());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String override : all) {
            String variable = VARIABLE_PREFIX + (environment.size() + 1);
            environment.put(variable, override);
            arguments.add("--set-from-env");
            arguments.add(variable);
        }
        return new ChildConfiguration(jvmOptions, arguments, environment);
    }
}

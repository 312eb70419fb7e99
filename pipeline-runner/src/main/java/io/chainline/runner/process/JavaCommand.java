package io.chainline.runner.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Command lines that run a main class in a new JVM like the current one (same java, module opens, class path). */
public final class JavaCommand {

    private JavaCommand() {}

    /**
     * {@code <java> <the current --add-opens/--add-exports> -cp <the current class path> <mainClass> <args>}.
     * The java executable is the current JVM's, falling back to {@code ${java.home}/bin/java}.
     *
     * @param mainClass the fully qualified main class
     * @param args      its arguments
     */
    public static List<String> forMainClass(String mainClass, List<String> args) {
        return forMainClass(mainClass, List.of(), args);
    }

    /**
     * {@code <java> <the current --add-opens/--add-exports> <jvmOptions> -cp <the current class path> <mainClass>
     * <args>}, like {@link #forMainClass(String, List)} with JVM options such as {@code -Dconfig.file=…}.
     *
     * @param mainClass  the fully qualified main class
     * @param jvmOptions options for the new JVM
     * @param args       its arguments
     */
    public static List<String> forMainClass(String mainClass, List<String> jvmOptions, List<String> args) {
        requireNonNull(mainClass, "mainClass is null");
        requireNonNull(jvmOptions, "jvmOptions is null");
        requireNonNull(args, "args is null");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(moduleOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return List.copyOf(command);
    }

    /** The {@code --add-opens} and {@code --add-exports} options among JVM input arguments, in either form. */
    static List<String> moduleOptions(List<String> inputArguments) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < inputArguments.size(); i++) {
            String argument = inputArguments.get(i);
            if (argument.startsWith("--add-opens=") || argument.startsWith("--add-exports=")) {
                options.add(argument);
            } else if ((argument.equals("--add-opens") || argument.equals("--add-exports"))
                    && i + 1 < inputArguments.size()) {
                options.add(argument);
                options.add(inputArguments.get(++i));
            }
        }
        return options;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}

package io.chainline.cli.jar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chainline start-project} from the jar, as the README's set-up command runs it: the terminal carries
 * Chainline's progress, report and summary only; the libraries' log lines (Kafka, Spark, Hadoop) are in the log
 * file whose path the output ends with.
 */
class StartProjectJarIT {
    /** What a log line of a library looks like: a time stamp or a level column, a Log4j/SLF4J notice, a stack frame. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^(\\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2} \\d{2}:|\\[[^]]+\\] (INFO|WARN|ERROR)|SLF4J|log4j|\\s+at )"
                    + "|\\b(INFO|WARN|ERROR|DEBUG) +[A-Za-z.$]+:");

    @TempDir
    Path home;

    @Test
    void theTerminalShowsOnlyChainlineAndTheLibrariesLogToTheFile() throws Exception {
        JarProcess.Result result = new JarProcess(home).run("start-project", "--rows", "2000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.err().lines().toList();
        assertThat(lines).filteredOn(line -> LOG_LINE.matcher(line).find()).isEmpty();
        assertThat(lines).contains("Summary").anyMatch(line -> line.startsWith("Report: "));
        String logLine = lines.get(lines.size() - 1);
        assertThat(logLine).startsWith("Log: ");
        Path logFile = Path.of(logLine.substring("Log: ".length()));
        assertThat(logFile).startsWith(home.resolve(".chainline/logs"));
        assertThat(Files.readString(logFile, StandardCharsets.UTF_8))
                .containsPattern("INFO +\\[[^]]+\\] i\\.c\\.[a-z.]+\\.[A-Z]\\w+: ")
                .containsPattern("WARN +\\[[^]]+\\] o\\.a\\.[a-z.]+\\.[A-Z]\\w+: ");
    }
}

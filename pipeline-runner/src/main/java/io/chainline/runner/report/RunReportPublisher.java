package io.chainline.runner.report;

import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.stage.RunReport;

import static java.util.Objects.requireNonNull;

/**
 * What happens to a finished run's report: the files under {@code <state-dir>/reports/} are written, the text
 * report is printed when asked for, and the output ends with the paths of both files. A report that cannot be
 * written is said, not thrown: the run's outcome stands.
 */
public final class RunReportPublisher {
    private static final Logger log = LoggerFactory.getLogger(RunReportPublisher.class);

    private final RunReportFiles files;
    private final Consumer<String> messages;

    /**
     * A publisher.
     *
     * @param files where report files go
     * @param messages where lines for people go (stderr, already redacting)
     */
    public RunReportPublisher(RunReportFiles files, Consumer<String> messages) {
        this.files = requireNonNull(files, "files is null");
        this.messages = requireNonNull(messages, "messages is null");
    }

    /**
     * Writes the report files and prints the text report (when {@code printText}) followed by their paths.
     *
     * @return where the files are, or empty when they could not be written
     */
    public Optional<RunReportFiles.Paths> publish(RunReport report, boolean printText) {
        requireNonNull(report, "report is null");
        if (printText) {
            ReportPrinter.print(report, messages);
        }
        try {
            RunReportFiles.Paths paths = files.write(report);
            messages.accept("");
            messages.accept("Report: " + paths.html());
            messages.accept("Report (JSON): " + paths.json());
            return Optional.of(paths);
        } catch (ChainlineException e) {
            log.debug("Cannot write the run report", e);
            messages.accept("Cannot write the report of run " + report.runId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}

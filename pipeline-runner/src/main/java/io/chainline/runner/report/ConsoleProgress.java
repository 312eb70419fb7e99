package io.chainline.runner.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.StageReport;

import static java.util.Objects.requireNonNull;

/**
 * Progress of the running stages on stderr. On a terminal: one bar per running stage (stages of a parallel group
 * each get their own line), redrawn in place at most four times a second, showing units done, the total when known
 * and the rate (rows and rows/s, or tasks for Spark stages). Elsewhere (a file, a pipe, CI): one plain line per
 * running stage every {@code logInterval}, so long runs still show they move; fast stages print nothing.
 */
public final class ConsoleProgress implements ProgressListener {
    /** How often plain progress lines are written when stderr is not a terminal. */
    public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(10);

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 24;
    private static final String CLEAR_LINE = "\u001b[2K";
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintWriter err;
    private final boolean terminal;
    private final long logIntervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, StageProgress> running = new LinkedHashMap<>();
    private long lastDraw;
    private boolean everDrawn;
    private int drawnLines;

    /** Progress on the given writer with the system clock and the default interval of plain lines. */
    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, DEFAULT_LOG_INTERVAL, System::nanoTime);
    }

    /**
     * Progress on the given writer.
     *
     * @param err where progress goes (stderr)
     * @param terminal whether {@code err} is a terminal: bars redrawn in place, else plain periodic lines
     * @param logInterval how often a plain line is written per stage when not on a terminal
     * @param nanoTime the monotonic clock, in nanoseconds (tests pass their own)
     */
    public ConsoleProgress(PrintWriter err, boolean terminal, Duration logInterval, LongSupplier nanoTime) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
        this.logIntervalNanos =
                requireNonNull(logInterval, "logInterval is null").toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** What one running stage has reported. */
    private static final class StageProgress {
        private final String stage;
        private final long started;
        private long lastLog;
        private long done;
        private long total = -1;
        private String unit = "rows";
        private boolean reported;
        private boolean drawn;

        private StageProgress(String stage, long started) {
            this.stage = stage;
            this.started = started;
            this.lastLog = started;
        }

        private String line(long now, boolean bar) {
            double seconds = Math.max(now - started, 1) / 1e9;
            String rate = String.format(Locale.ROOT, "%,.0f %s/s", done / seconds, unit);
            if (total > 0) {
                double fraction = Math.min(1.0, (double) done / total);
                String prefix = bar ? progressBar(fraction) + " " : "";
                return String.format(
                        Locale.ROOT,
                        "%s: %s%,d / %,d %s (%3.0f%%), %s",
                        stage,
                        prefix,
                        done,
                        total,
                        unit,
                        100 * fraction,
                        rate);
            }
            return String.format(Locale.ROOT, "%s: %,d %s, %s", stage, done, unit, rate);
        }

        private static String progressBar(double fraction) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
        }
    }

    @Override
    public synchronized void stageStarted(String stage) {
        running.put(stage, new StageProgress(stage, nanoTime.getAsLong()));
    }

    @Override
    public synchronized void progress(String stage, long done, long total, String unit) {
        long now = nanoTime.getAsLong();
        StageProgress progress = running.computeIfAbsent(stage, name -> new StageProgress(name, now));
        progress.done = done;
        progress.total = total;
        progress.unit = unit == null ? "rows" : unit;
        progress.reported = true;
        if (terminal) {
            if (!everDrawn || now - lastDraw >= REDRAW_NANOS) {
                everDrawn = true;
                lastDraw = now;
                redraw(null, now);
            }
        } else if (now - progress.lastLog >= logIntervalNanos) {
            progress.lastLog = now;
            err.println(progress.line(now, false));
            err.flush();
        }
    }

    @Override
    public synchronized void stageFinished(StageReport report) {
        StageProgress finished = running.get(report.stage());
        if (finished == null) {
            return;
        }
        if (terminal && finished.drawn) {
            redraw(finished, nanoTime.getAsLong());
        }
        running.remove(report.stage());
    }

    /** Redraws the block of bars in place; a finished stage's last line is written above it and stays. */
    private void redraw(StageProgress finished, long now) {
        StringBuilder out = new StringBuilder();
        if (drawnLines > 0) {
            out.append("\u001b[").append(drawnLines).append('A');
        }
        out.append('\r');
        if (finished != null) {
            out.append(CLEAR_LINE).append(finished.line(now, true)).append(System.lineSeparator());
        }
        List<StageProgress> lines = new ArrayList<>();
        for (StageProgress progress : running.values()) {
            if (progress != finished && progress.reported) {
                lines.add(progress);
            }
        }
        for (StageProgress progress : lines) {
            progress.drawn = true;
            out.append(CLEAR_LINE).append(progress.line(now, true)).append(System.lineSeparator());
        }
        out.append(CLEAR_BELOW);
        drawnLines = lines.size();
        err.print(out);
        err.flush();
    }
}

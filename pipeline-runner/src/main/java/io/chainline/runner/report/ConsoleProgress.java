package io.chainline.runner.report;

import java.io.PrintWriter;
import java.util.Locale;

import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.StageReport;

import static java.util.Objects.requireNonNull;

/**
 * A progress line on stderr for a terminal: rows done (of the total when known) and rows per second, redrawn in
 * place at most a few times a second. Without a terminal it stays silent; the final report says it all.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long stageStart;
    private long lastDraw;
    private boolean drawn;

    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    @Override
    public synchronized void stageStarted(String stage) {
        stageStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public synchronized void progress(String stage, long done, long total, String unit) {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(now - stageStart, 1) / 1e9;
        String of = total > 0 ? String.format(Locale.ROOT, " / %,d (%3.0f%%)", total, 100.0 * done / total) : "";
        err.printf(Locale.ROOT, "\r%s: %,d%s %s, %,.0f %s/s   ", stage, done, of, unit, done / seconds, unit);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void stageFinished(StageReport report) {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}

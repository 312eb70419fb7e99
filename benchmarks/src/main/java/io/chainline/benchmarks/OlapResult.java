package io.chainline.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * One measured size of {@link OlapBenchmark}.
 *
 * @param rows the generated rows
 * @param files the raw Avro files they were written as
 * @param rawBytes the raw files' total size
 * @param baselineSeconds wall time of the original job's seven projections and writes
 * @param oursSeconds wall time of our full transform with checks and publish; empty when it could not run
 * @param oursNote why ours has no time, or empty
 */
record OlapResult(
        long rows, int files, long rawBytes, double baselineSeconds, OptionalDouble oursSeconds, String oursNote) {
    static final double TARGET_RATIO = 1.0;

    OlapResult {
        requireNonNull(oursSeconds, "oursSeconds is null");
        requireNonNull(oursNote, "oursNote is null");
    }

    /** Ours over the baseline's time, when ours ran. */
    OptionalDouble ratio() {
        return oursSeconds.isPresent()
                ? OptionalDouble.of(oursSeconds.getAsDouble() / baselineSeconds)
                : OptionalDouble.empty();
    }

    /** A Markdown table of the results and one verdict line per size. */
    static String render(List<OlapResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| rows | raw files | raw MB | baseline s | ours s | ours/baseline |\n");
        out.append("|---:|---:|---:|---:|---:|---:|\n");
        for (OlapResult result : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %d | %.1f | %.1f | %s | %s |%n",
                    result.rows(),
                    result.files(),
                    result.rawBytes() / 1_048_576.0,
                    result.baselineSeconds(),
                    result.oursSeconds().isPresent()
                            ? String.format(
                                    Locale.ROOT, "%.1f", result.oursSeconds().getAsDouble())
                            : "-",
                    result.ratio().isPresent()
                            ? String.format(Locale.ROOT, "%.2f", result.ratio().getAsDouble())
                            : "-"));
        }
        out.append('\n');
        for (OlapResult result : results) {
            out.append(String.format(Locale.ROOT, "%,d rows: ", result.rows()));
            if (result.ratio().isEmpty()) {
                out.append("ours not measured: ").append(result.oursNote()).append('\n');
            } else if (result.ratio().getAsDouble() <= TARGET_RATIO) {
                out.append(String.format(
                        Locale.ROOT,
                        "TARGET MET (%.2f <= %.1f)%n",
                        result.ratio().getAsDouble(),
                        TARGET_RATIO));
            } else {
                out.append(String.format(
                        Locale.ROOT,
                        "TARGET MISSED (%.2f > %.1f)%n",
                        result.ratio().getAsDouble(),
                        TARGET_RATIO));
            }
        }
        return out.toString();
    }
}

package io.chainline.olap;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.inject.Registry;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.check.CheckKind;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.silver}: how the star schema is written and published.
 *
 * @param compression the Parquet compression codec of every silver table
 * @param warnOnly checks that only warn instead of failing the stage: a check kind ({@code unique-key}) for every
 *     table or {@code <table>.<kind>} ({@code dim_customer.unique-key}) for one registered table
 * @param lockTtl how long the publish lock is leased before another run may take it over
 * @param keepVersions how many versions of every silver table to keep, at least 1 (the published one)
 */
public record SilverSettings(Compression compression, List<String> warnOnly, Duration lockTtl, int keepVersions) {

    /** The Parquet compression codecs a silver table may be written with. */
    public enum Compression {
        /** Zstandard: smaller files, the default. */
        ZSTD,
        /** Snappy: faster to write and read, larger files. */
        SNAPPY;

        /** The codec name Spark's Parquet writer takes. */
        public String codec() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SilverSettings {
        requireNonNull(compression, "compression is null");
        warnOnly = List.copyOf(requireNonNull(warnOnly, "warnOnly is null"));
        requireNonNull(lockTtl, "lockTtl is null");
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keepVersions must be >= 1, got " + keepVersions);
        }
    }

    /**
     * Reads and validates {@code chainline.silver}.
     *
     * @param tables the registered table builders, whose tables {@code warn-only} may name
     */
    public static SilverSettings from(Config config, Registry<TableBuilder> tables) {
        SettingsReader read = SettingsReader.of(config, "chainline.silver");
        Compression compression = read.enumValue("compression", Compression.class, Compression.ZSTD);
        List<String> warnOnly = read.stringList("warn-only");
        for (String entry : warnOnly) {
            if (!CheckKind.isCheckSelector(entry)) {
                read.problem(
                        "warn-only",
                        entry,
                        "each entry must be a check kind " + CheckKind.names()
                                + " or <table>.<kind>, e.g. dim_customer.unique-key");
            } else if (entry.indexOf('.') > 0) {
                String table = entry.substring(0, entry.indexOf('.'));
                if (!tables.contains(table)) {
                    read.addProblem(tables.unknown(table, read.key("warn-only")));
                }
            }
        }
        Duration lockTtl = read.duration("lock-ttl", Duration.ofSeconds(1));
        int keep = read.intAtLeast("keep-versions", 1);
        read.throwIfInvalid();
        return new SilverSettings(compression, warnOnly, lockTtl, keep);
    }
}

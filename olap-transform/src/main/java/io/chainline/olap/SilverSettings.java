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
 * {@code chainline.silver}: how the star schema is written, published and retained.
 *
 * @param rawPrefix the folder of the raw files under the raw root, e.g. {@code raw_streaming}: the raw sink's
 * @param compression the Parquet compression codec of every silver table
 * @param warnOnly checks that only warn instead of failing the stage: a check kind ({@code unique-key}) for every
 *     table or {@code <table>.<kind>} ({@code dim_customer.unique-key}) for one registered table
 * @param allowEmptyReplacement whether a build with no fact rows may replace a published build that has some
 * @param keepBuilds how many published builds stay tagged (and their files kept), at least 1
 * @param gracePeriod how long a replaced build's files survive after it was replaced, for readers still on it
 * @param abandonedAfter how old a build's unpublished branch must be before a later build removes it
 * @param orphanFilesOlderThan the age of unreferenced files that are removed, checked at most once per that period;
 *     zero never removes them
 */
public record SilverSettings(
        String rawPrefix,
        Compression compression,
        List<String> warnOnly,
        boolean allowEmptyReplacement,
        int keepBuilds,
        Duration gracePeriod,
        Duration abandonedAfter,
        Duration orphanFilesOlderThan) {

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
        requireNonNull(rawPrefix, "rawPrefix is null");
        requireNonNull(compression, "compression is null");
        warnOnly = List.copyOf(requireNonNull(warnOnly, "warnOnly is null"));
        if (keepBuilds < 1) {
            throw new IllegalArgumentException("keepBuilds must be >= 1, got " + keepBuilds);
        }
        requireNonNull(gracePeriod, "gracePeriod is null");
        requireNonNull(abandonedAfter, "abandonedAfter is null");
        requireNonNull(orphanFilesOlderThan, "orphanFilesOlderThan is null");
    }

    /** The defaults of reference.conf. */
    public static SilverSettings defaults() {
        return new SilverSettings(
                "raw_streaming",
                Compression.ZSTD,
                List.of(),
                false,
                3,
                Duration.ofHours(1),
                Duration.ofHours(6),
                Duration.ofDays(3));
    }

    /**
     * Reads and validates {@code chainline.silver}.
     *
     * @param tables the registered table builders, whose tables {@code warn-only} may name
     */
    public static SilverSettings from(Config config, Registry<TableBuilder> tables) {
        SettingsReader read = SettingsReader.of(config, "chainline.silver");
        String rawPrefix = read.objectFolder("raw-prefix");
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
        boolean allowEmpty = read.bool("allow-empty-replacement");
        int keep = read.intAtLeast("retention.keep-builds", 1);
        Duration grace = read.duration("retention.grace-period", Duration.ZERO);
        Duration abandoned = read.duration("retention.abandoned-after", Duration.ofMinutes(1));
        Duration orphans = read.duration("retention.orphan-files-older-than", Duration.ZERO);
        if (!orphans.isZero() && orphans.compareTo(abandoned) < 0) {
            read.problem(
                    "retention.orphan-files-older-than",
                    orphans,
                    "must be 0 (never) or at least retention.abandoned-after (" + abandoned + "), so the files of a"
                            + " build still running are never taken for orphans");
        }
        read.throwIfInvalid();
        return new SilverSettings(rawPrefix, compression, warnOnly, allowEmpty, keep, grace, abandoned, orphans);
    }
}

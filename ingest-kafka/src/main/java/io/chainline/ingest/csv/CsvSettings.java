package io.chainline.ingest.csv;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

/**
 * {@code chainline.ingest.csv}: how CSV files are read.
 *
 * @param maxRowSize the most characters one CSV record may hold (its line terminators excluded); a longer one is
 *     rejected with a reason naming this limit, and reading goes on with the line after the one it starts on
 */
public record CsvSettings(int maxRowSize) {
    /** The configuration subtree these settings are read from. */
    public static final String PREFIX = "chainline.ingest.csv";

    /** The smallest limit: below it a DataCo row (about 1.5 KB) would not fit. */
    static final long MIN_ROW_SIZE = 4 * 1024;

    /** The largest limit: 64 Mi characters, far above anything a Kafka record can carry. */
    static final long MAX_ROW_SIZE = 64L * 1024 * 1024;

    public CsvSettings {
        if (maxRowSize < MIN_ROW_SIZE || maxRowSize > MAX_ROW_SIZE) {
            throw new IllegalArgumentException(
                    "maxRowSize is " + maxRowSize + ", expected " + MIN_ROW_SIZE + " to " + MAX_ROW_SIZE);
        }
    }

    /** Reads and validates {@code chainline.ingest.csv}. */
    public static CsvSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, PREFIX);
        long maxRowSize = read.bytes("max-row-size", MIN_ROW_SIZE);
        if (maxRowSize > MAX_ROW_SIZE) {
            read.problem("max-row-size", read.string("max-row-size"), "must be at most 64MiB");
        }
        read.throwIfInvalid();
        return new CsvSettings((int) maxRowSize);
    }

    /** The reason an oversized row is rejected with, naming the limit and its key. */
    String oversizedProblem() {
        return "has more than " + maxRowSize + " characters, the limit '" + PREFIX + ".max-row-size'; reading went on"
                + " with the line after the one it starts on";
    }
}

package io.chainline.export.spi;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What an exporter did for one table.
 *
 * @param table the table name, e.g. {@code fact_order}
 * @param expectedRows the manifest's row count
 * @param loadedRows the row count read back from the warehouse after loading
 * @param duration how long loading and verifying took
 * @param destination where the table now lives, e.g. {@code warehouse.duckdb#fact_order} or
 *        {@code project.dataset.fact_order}; never carries credentials
 */
public record TableExport(String table, long expectedRows, long loadedRows, Duration duration, String destination) {

    public TableExport {
        requireNonNull(table, "table is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(destination, "destination is null");
    }

    /** Whether the warehouse holds exactly the manifest's rows. */
    public boolean verified() {
        return expectedRows == loadedRows;
    }
}

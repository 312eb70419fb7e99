package io.chainline.export.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one export did.
 *
 * @param destination the warehouse, e.g. the DuckDB file or the BigQuery dataset (no credentials)
 * @param tables one entry per manifest table, in manifest order
 * @param notes further facts worth reporting, e.g. the Mage run id and its block statuses; may be empty
 */
public record ExportResult(String destination, List<TableExport> tables, List<String> notes) {

    public ExportResult {
        requireNonNull(destination, "destination is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}

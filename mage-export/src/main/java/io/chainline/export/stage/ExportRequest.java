package io.chainline.export.stage;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one export run does.
 *
 * @param mode the exporter's mode, e.g. {@code local}, {@code bigquery}, {@code mage}; empty for
 *        {@code chainline.export.mode}
 */
public record ExportRequest(Optional<String> mode) {

    public ExportRequest {
        requireNonNull(mode, "mode is null");
        mode = mode.map(String::trim).filter(value -> !value.isEmpty());
    }

    /** Export with the configured mode. */
    public static ExportRequest configured() {
        return new ExportRequest(Optional.empty());
    }

    /** Export with {@code mode}. */
    public static ExportRequest mode(String mode) {
        return new ExportRequest(Optional.of(requireNonNull(mode, "mode is null")));
    }
}

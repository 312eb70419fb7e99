package io.chainline.core.manifest;

import static java.util.Objects.requireNonNull;

/**
 * One column of a silver table.
 *
 * @param name the column name (snake_case)
 * @param type the type as Spark SQL writes it, e.g. {@code bigint}, {@code decimal(38,9)}, {@code timestamp}
 * @param nullable whether nulls may occur
 */
public record ManifestColumn(String name, String type, boolean nullable) {

    public ManifestColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}

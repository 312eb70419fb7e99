package io.chainline.olap.build;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link TableBuilder} builds from.
 *
 * @param conformed the conformed rows, one per order item: the 52 contract columns (all but
 *     {@code customer_password}) under their snake names and types, plus the {@code kafka_*} columns
 * @param runId the run building this version
 */
public record BuildInput(Dataset<Row> conformed, String runId) {

    public BuildInput {
        requireNonNull(conformed, "conformed is null");
        requireNonNull(runId, "runId is null");
    }
}

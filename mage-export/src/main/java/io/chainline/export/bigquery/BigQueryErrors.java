package io.chainline.export.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.TableId;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;

/** What the load and the BigLake paths share in their messages: how a failed call is classified and tables named. */
final class BigQueryErrors {
    /** BigQuery's status for an insert of something that already exists. */
    static final int CONFLICT = 409;

    private BigQueryErrors() {}

    /** A failed call as a {@link RetriableException} when BigQuery says retrying may help, else a plain failure. */
    static ChainlineException failure(String what, BigQueryException e) {
        String reason =
                e.getErrors() == null || e.getErrors().isEmpty() ? e.getMessage() : LoadJobs.describe(e.getErrors());
        String message = what + ": HTTP " + e.getCode() + ", " + reason;
        return e.isRetryable() ? new RetriableException(message, e) : new ChainlineException(message, e);
    }

    /** {@code project.dataset.table}. */
    static String qualified(TableId table) {
        return table.getProject() + "." + table.getDataset() + "." + table.getTable();
    }
}

package io.chainline.export.bigquery;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.api.gax.retrying.PollException;
import com.google.cloud.RetryOption;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.spi.WarehouseExporter;

import static io.chainline.export.bigquery.BigQueryErrors.CONFLICT;
import static io.chainline.export.bigquery.BigQueryErrors.failure;
import static io.chainline.export.bigquery.BigQueryErrors.qualified;
import static java.util.Objects.requireNonNull;

/**
 * Mode {@code bigquery}: one load job per silver table from its {@code gs://} Parquet files into
 * {@code chainline.export.bigquery.dataset} (created in the configured location when missing), waited for, then the
 * table's row count read back and compared with the manifest. BigQuery reads the files server-side; nothing passes
 * through this process. Job ids are derived from the silver version and the run, so a retried request within a run
 * finds its job instead of loading twice. A table the manifest lists without files (a build of an input with no data
 * rows) is replaced by an empty table with the manifest's columns through a query job ({@link EmptyTableJobs}). Each job replaces its table atomically; BigQuery has no transaction over
 * several load jobs, so after a failure the tables loaded before it hold the new version and the others the old.
 *
 * <p>With {@code chainline.export.bigquery.method = biglake-iceberg} no load job runs: each table becomes a BigLake
 * external table over the build's Iceberg metadata file instead (see {@link BigLakeRegistrar}).
 */
public final class BigQueryExporter implements WarehouseExporter {
    /** The mode this exporter serves. */
    public static final String MODE = "bigquery";

    private static final Logger log = LoggerFactory.getLogger(BigQueryExporter.class);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(1);

    private final BigQueryConnection connection;

    /** An exporter that loads through {@code connection}, which the lifecycle owns. */
    @Inject
    public BigQueryExporter(BigQueryConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    @Override
    public ExportResult export(SilverManifest manifest, StageContext context) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(context, "context is null");
        BigQuery client = connection.client();
        BigQuerySettings settings = connection.settings();
        DatasetId dataset = DatasetId.of(client.getOptions().getProjectId(), settings.dataset());
        if (settings.method() == BigQueryMethod.BIGLAKE_ICEBERG) {
            return registerBigLakeTables(client, dataset, manifest, context, settings);
        }
        // Every table's job is built before any runs, so a setting that does not fit the manifest loads nothing.
        List<JobConfiguration> jobs = manifest.tables().stream()
                .map(table -> job(dataset, table, settings))
                .toList();
        ensureDataset(client, dataset, settings.location());
        List<TableExport> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            ManifestTable table = manifest.tables().get(i);
            if (context.cancellation().isCancelled()) {
                throw new ChainlineException("The BigQuery export was cancelled before table " + table.name());
            }
            long started = System.nanoTime();
            TableId destination = TableId.of(dataset.getProject(), dataset.getDataset(), table.name());
            JobId jobId = JobId.newBuilder()
                    .setProject(dataset.getProject())
                    .setLocation(settings.location())
                    .setJob(jobName(manifest, table, context))
                    .build();
            load(client, jobId, jobs.get(i), table, settings);
            long loaded = rowCount(client, destination, table);
            TableExport export = new TableExport(
                    table.name(),
                    table.rowCount(),
                    loaded,
                    Duration.ofNanos(System.nanoTime() - started),
                    qualified(destination));
            if (!export.verified()) {
                throw new DataQualityException("BigQuery table " + qualified(destination) + " holds " + loaded
                        + " rows after loading, but the silver manifest of run " + manifest.runId() + " lists "
                        + table.rowCount() + " for " + table.name());
            }
            log.info("Loaded {} rows into {} (job {})", loaded, qualified(destination), jobId.getJob());
            tables.add(export);
            notes.add(table.name()
                    + (table.uris().isEmpty() ? ": no files, replaced by an empty table (query job " : ": load job ")
                    + jobId.getJob()
                    + (table.uris().isEmpty() ? ")" : ""));
            context.reportProgress(tables.size(), manifest.tables().size(), "tables");
        }
        return new ExportResult(dataset.getProject() + "." + dataset.getDataset(), tables, notes);
    }

    /** A load job of the table's files, or for a table without files the query job that empties it. */
    private static JobConfiguration job(DatasetId dataset, ManifestTable table, BigQuerySettings settings) {
        TableId destination = TableId.of(dataset.getProject(), dataset.getDataset(), table.name());
        return table.uris().isEmpty()
                ? EmptyTableJobs.configuration(destination, table, settings.factOrderClustering())
                : LoadJobs.configuration(destination, table, settings.factOrderClustering());
    }

    private static ExportResult registerBigLakeTables(
            BigQuery client,
            DatasetId dataset,
            SilverManifest manifest,
            StageContext context,
            BigQuerySettings settings) {
        BigLakeRegistrar registrar =
                new BigLakeRegistrar(client, dataset, settings.connection().orElseThrow());
        // As with load jobs, every table is checked before the first change.
        BigLakeRegistrar.validate(manifest);
        Map<String, Table> existing = registrar.inspect(manifest);
        ensureDataset(client, dataset, settings.location());
        return registrar.register(manifest, existing, context);
    }

    private static void ensureDataset(BigQuery client, DatasetId dataset, String location) {
        try {
            if (client.getDataset(dataset) != null) {
                return;
            }
            client.create(DatasetInfo.newBuilder(dataset).setLocation(location).build());
            log.info("Created BigQuery dataset {}.{} in {}", dataset.getProject(), dataset.getDataset(), location);
        } catch (BigQueryException e) {
            if (e.getCode() != CONFLICT) {
                throw failure(
                        "Cannot create the BigQuery dataset " + dataset.getProject() + "." + dataset.getDataset()
                                + " in " + location,
                        e);
            }
        }
    }

    private static void load(
            BigQuery client,
            JobId jobId,
            JobConfiguration configuration,
            ManifestTable table,
            BigQuerySettings settings) {
        Job job;
        try {
            job = client.create(
                    JobInfo.newBuilder(configuration).setJobId(jobId).build());
        } catch (BigQueryException e) {
            if (e.getCode() != CONFLICT) {
                throw failure("Cannot start the BigQuery load job of table " + table.name(), e);
            }
            job = client.getJob(jobId);
        }
        Job done;
        try {
            done = job == null
                    ? null
                    : job.waitFor(
                            RetryOption.initialRetryDelayDuration(settings.pollInterval()),
                            RetryOption.maxRetryDelayDuration(MAX_POLL_INTERVAL),
                            RetryOption.totalTimeoutDuration(settings.jobTimeout()));
        } catch (BigQueryException e) {
            if (timedOut(e)) {
                throw notFinished(jobId, table, settings);
            }
            // The client throws from its last reload when the finished job carries an error result.
            throw new DataQualityException(
                    "The BigQuery load job " + jobId.getJob() + " of table " + table.name()
                            + " failed: " + LoadJobs.describe(e.getErrors() == null ? List.of() : e.getErrors())
                            + (e.getErrors() == null ? " (" + e.getMessage() + ")" : ""),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException(
                    "Interrupted while waiting for the BigQuery load job " + jobId.getJob() + " of table "
                            + table.name(),
                    e);
        }
        if (done == null) {
            throw new ChainlineException(
                    "The BigQuery load job " + jobId.getJob() + " of table " + table.name() + " no longer exists");
        }
        if (!done.isDone()) {
            throw notFinished(jobId, table, settings);
        }
        if (done.getStatus().getError() != null) {
            throw new DataQualityException("The BigQuery load job " + jobId.getJob() + " of table " + table.name()
                    + " failed: "
                    + LoadJobs.describe(
                            done.getStatus().getExecutionErrors() == null
                                    ? List.of(done.getStatus().getError())
                                    : done.getStatus().getExecutionErrors()));
        }
    }

    private static boolean timedOut(BigQueryException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PollException) {
                return true;
            }
        }
        return false;
    }

    private static RetriableException notFinished(JobId jobId, ManifestTable table, BigQuerySettings settings) {
        return new RetriableException("The BigQuery load job " + jobId.getJob() + " of table " + table.name()
                + " did not finish within "
                + settings.jobTimeout().toString().substring(2).toLowerCase(Locale.ROOT)
                + " (chainline.export.bigquery.job-timeout); it may still be running in BigQuery");
    }

    private static long rowCount(BigQuery client, TableId destination, ManifestTable table) {
        Table loaded;
        try {
            loaded = client.getTable(destination);
        } catch (BigQueryException e) {
            throw failure("Cannot read the row count of BigQuery table " + qualified(destination), e);
        }
        BigInteger rows = loaded == null ? null : loaded.getNumRows();
        if (rows == null) {
            throw new DataQualityException("BigQuery table " + qualified(destination) + " of " + table.name()
                    + " is missing or reports no row count after its load job succeeded");
        }
        return rows.longValueExact();
    }

    private static String jobName(SilverManifest manifest, ManifestTable table, StageContext context) {
        return ("chainline_load_" + table.name() + "_" + manifest.runId() + "_" + context.runId())
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }
}

package io.chainline.export.bigquery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.export.bigquery}: where and how the BigQuery exporter loads the silver tables.
 *
 * @param project the project that runs the load jobs and holds the dataset; empty for
 *        {@code chainline.store.gcs.project}, else the credentials' or environment's project
 * @param dataset the dataset the tables are loaded into; created when missing
 * @param location the dataset's and the jobs' location, e.g. {@code US} or {@code EU}
 * @param endpoint another BigQuery REST root (an emulator or a test stub); empty for Google's. Credentials are
 *        never sent to a plain {@code http://} endpoint
 * @param factOrderClustering the columns {@code fact_order} is clustered by (at most four)
 * @param jobTimeout how long one load job may take, waiting included
 * @param pollInterval the first wait between polls of a running job; it doubles up to a minute
 * @param method load jobs, or registration of BigLake Iceberg external tables
 * @param connection the BigLake connection the external tables read through, as
 *        {@code projects/<project>/locations/<location>/connections/<id>}, {@code <project>.<location>.<id>} or
 *        {@code <location>.<id>} (qualified with the dataset's project); present for
 *        {@link BigQueryMethod#BIGLAKE_ICEBERG}
 */
public record BigQuerySettings(
        Optional<String> project,
        String dataset,
        String location,
        Optional<URI> endpoint,
        List<String> factOrderClustering,
        Duration jobTimeout,
        Duration pollInterval,
        BigQueryMethod method,
        Optional<String> connection) {
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,299}");
    private static final int MAX_CLUSTERING_COLUMNS = 4;
    /** The forms BigQuery accepts for a connection id, plus {@code <location>.<id>} in the dataset's project. */
    private static final Pattern CONNECTION = Pattern.compile(
            "projects/[^/\\s]+/locations/[^/\\s]+/connections/[^/\\s]+|(?:[^/\\s]+\\.)?[^./\\s]+\\.[^./\\s]+");

    private static final String CONNECTION_FORMS =
            "projects/<project>/locations/<location>/connections/<id>, <project>.<location>.<id> or <location>.<id>";

    public BigQuerySettings {
        requireNonNull(project, "project is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(location, "location is null");
        requireNonNull(endpoint, "endpoint is null");
        factOrderClustering = List.copyOf(requireNonNull(factOrderClustering, "factOrderClustering is null"));
        requireNonNull(jobTimeout, "jobTimeout is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(method, "method is null");
        requireNonNull(connection, "connection is null");
        if (method == BigQueryMethod.BIGLAKE_ICEBERG && connection.isEmpty()) {
            throw new IllegalArgumentException("method BIGLAKE_ICEBERG needs a connection");
        }
    }

    /** Settings of the {@code load} method, which needs no connection. */
    public BigQuerySettings(
            Optional<String> project,
            String dataset,
            String location,
            Optional<URI> endpoint,
            List<String> factOrderClustering,
            Duration jobTimeout,
            Duration pollInterval) {
        this(
                project,
                dataset,
                location,
                endpoint,
                factOrderClustering,
                jobTimeout,
                pollInterval,
                BigQueryMethod.LOAD,
                Optional.empty());
    }

    /** Reads and validates {@code chainline.export.bigquery}. */
    public static BigQuerySettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.export.bigquery");
        Optional<String> project = read.optionalString("project");
        String dataset = read.nonEmptyString("dataset").trim();
        if (!dataset.isEmpty() && !DATASET.matcher(dataset).matches()) {
            read.problem("dataset", dataset, "must be letters, digits and underscores (at most 1024)");
        }
        String location = read.nonEmptyString("location").trim();
        Optional<URI> endpoint = read.optionalString("endpoint").map(raw -> read.uri("endpoint"));
        endpoint.filter(uri -> !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
                .ifPresent(uri -> read.problem("endpoint", uri, "must be an http:// or https:// URI"));
        List<String> clustering = read.stringList("fact-order-clustering");
        if (clustering.size() > MAX_CLUSTERING_COLUMNS) {
            read.problem(
                    "fact-order-clustering",
                    clustering,
                    "must name at most " + MAX_CLUSTERING_COLUMNS + " columns (a BigQuery limit)");
        }
        clustering.stream()
                .filter(column -> !COLUMN.matcher(column).matches())
                .forEach(column -> read.problem(
                        "fact-order-clustering", column, "must be a column name (letters, digits, underscores)"));
        Duration jobTimeout = read.duration("job-timeout", Duration.ofSeconds(1));
        Duration pollInterval = read.duration("poll-interval", Duration.ofMillis(1));
        BigQueryMethod method = read.enumValue("method", BigQueryMethod.class, BigQueryMethod.LOAD);
        Optional<String> connection = read.optionalString("connection");
        connection
                .filter(id -> !CONNECTION.matcher(id).matches())
                .ifPresent(
                        id -> read.problem("connection", id, "must be a BigLake connection id: " + CONNECTION_FORMS));
        if (method == BigQueryMethod.BIGLAKE_ICEBERG && connection.isEmpty()) {
            read.addProblem("Missing value for '" + read.key("connection") + "': method biglake-iceberg registers"
                    + " the tables through a BigLake connection, given as " + CONNECTION_FORMS);
        }
        read.throwIfInvalid();
        return new BigQuerySettings(
                project, dataset, location, endpoint, clustering, jobTimeout, pollInterval, method, connection);
    }
}

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
 */
public record BigQuerySettings(
        Optional<String> project,
        String dataset,
        String location,
        Optional<URI> endpoint,
        List<String> factOrderClustering,
        Duration jobTimeout,
        Duration pollInterval) {
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,299}");
    private static final int MAX_CLUSTERING_COLUMNS = 4;

    public BigQuerySettings {
        requireNonNull(project, "project is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(location, "location is null");
        requireNonNull(endpoint, "endpoint is null");
        factOrderClustering = List.copyOf(requireNonNull(factOrderClustering, "factOrderClustering is null"));
        requireNonNull(jobTimeout, "jobTimeout is null");
        requireNonNull(pollInterval, "pollInterval is null");
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
        read.throwIfInvalid();
        return new BigQuerySettings(project, dataset, location, endpoint, clustering, jobTimeout, pollInterval);
    }
}

package io.chainline.runner.cli;

import java.util.List;
import java.util.Map;

/** Every sub-command of {@code chainline}, in the order {@code --help} lists them. */
final class CommandCatalog {

    /** The order of the sub-commands in {@code --help}: services, stages, composite runs, service control. */
    static final List<String> ORDER = List.of("start-kafka", "start-postgres", "start-spark", "start-mage",
            "stream-data", "consume", "dlq", "olap-transformation-pipeline", "gcs-to-bigquery-pipeline", "sql",
            "start-batch-pipeline", "start-streaming-pipeline", "start-project", "status", "stop-kafka",
            "stop-postgres", "stop-spark", "stop-all");

    /** A command this build registers but does not provide yet, with what will provide it. */
    record Pending(String name, String description, String providedBy) {
    }

    /** The background services that {@code start-*} commands run and {@code stop-*} commands stop. */
    static final List<String> SERVICES = List.of("kafka", "postgres", "spark");

    /** Services that run alongside one of {@link #SERVICES} and stop with it, first. */
    static final Map<String, List<String>> COMPANIONS = Map.of("spark", List.of("spark-worker"));

    static final List<Pending> PENDING = List.of(
            new Pending("start-mage", "Provision the Mage export pipeline and its API trigger.",
                    "mage-export module (Mage client and provisioning)"),
            new Pending("gcs-to-bigquery-pipeline", "Load the published silver tables into BigQuery, DuckDB or via Mage.",
                    "mage-export module (warehouse exporters)"),
            new Pending("sql", "Run a query on the local DuckDB warehouse.",
                    "mage-export module (DuckDB local warehouse)"),
            new Pending("start-batch-pipeline", "Run olap-transformation-pipeline, then gcs-to-bigquery-pipeline.",
                    "runner's composite commands, once the olap-transform and mage-export stages exist"),
            new Pending("start-streaming-pipeline", "Run stream-data, then consume --until-caught-up.",
                    "runner's composite commands, once the ingest-kafka and consumer-sinks stages exist"),
            new Pending("start-project", "Run everything in one process on embedded defaults.",
                    "runner's composite commands, once every stage module exists"));

    private CommandCatalog() {
    }
}

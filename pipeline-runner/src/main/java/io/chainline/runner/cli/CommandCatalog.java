package io.chainline.runner.cli;

import java.util.List;

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

    static final List<Pending> PENDING = List.of(
            new Pending("start-spark", "Start a local Spark standalone master and worker as a background service.",
                    "olap-transform module (Spark session factory and star schema)"),
            new Pending("olap-transformation-pipeline", "Build the star schema (silver) from the raw files with Spark.",
                    "olap-transform module (conform, table builders, checks, versioned publish)"),
            new Pending("start-batch-pipeline", "Run olap-transformation-pipeline, then gcs-to-bigquery-pipeline.",
                    "runner's composite commands, once the olap-transform and mage-export stages exist"));

    private CommandCatalog() {
    }
}

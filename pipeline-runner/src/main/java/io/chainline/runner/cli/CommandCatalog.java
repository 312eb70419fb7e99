package io.chainline.runner.cli;

import java.util.List;
import java.util.Map;

/** Every sub-command of {@code chainline}, in the order {@code --help} lists them. */
final class CommandCatalog {

    /**
     * The order of the sub-commands in {@code --help}: services, stages, composite runs, service control, the shell
     * completion script.
     */
    static final List<String> ORDER = List.of(
            "start-kafka",
            "start-postgres",
            "start-spark",
            "start-mage",
            "stream-data",
            "consume",
            "dlq",
            "olap-transformation-pipeline",
            "gcs-to-bigquery-pipeline",
            "sql",
            "start-batch-pipeline",
            "start-streaming-pipeline",
            "start-project",
            "status",
            "stop-kafka",
            "stop-postgres",
            "stop-spark",
            "stop-all",
            "generate-completion");

    /** The background services that {@code start-*} commands run and {@code stop-*} commands stop. */
    static final List<String> SERVICES = List.of("kafka", "postgres", "spark");

    /** Services that run alongside one of {@link #SERVICES} and stop with it, first. */
    static final Map<String, List<String>> COMPANIONS = Map.of("spark", List.of("spark-worker"));

    private CommandCatalog() {}
}

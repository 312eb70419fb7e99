package io.chainline.runner.services;

import static java.util.Objects.requireNonNull;

/**
 * Where a local Spark standalone cluster started by {@code chainline start-spark} listens.
 *
 * @param master the master URL drivers connect to, e.g. {@code spark://127.0.0.1:7077}
 * @param webUi the master's web UI, e.g. {@code http://127.0.0.1:8080}
 * @param worker the worker's RPC address, e.g. {@code 127.0.0.1:40123}
 * @param workerWebUi the worker's web UI
 */
public record SparkClusterInfo(String master, String webUi, String worker, String workerWebUi) {

    public SparkClusterInfo {
        requireNonNull(master, "master is null");
        requireNonNull(webUi, "webUi is null");
        requireNonNull(worker, "worker is null");
        requireNonNull(workerWebUi, "workerWebUi is null");
    }
}

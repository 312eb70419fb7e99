package io.chainline.runner.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import io.chainline.core.jdbc.SqlFailures;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.ingest.produce.IngestStage;
import io.chainline.sinks.postgres.BronzeRowCounter;
import io.chainline.sinks.postgres.PostgresRawSink;

import static java.util.Objects.requireNonNull;

/**
 * Rows this run sent = bronze rows at the Kafka coordinates this run produced; checked when the run consumed into the
 * {@code postgres} sink.
 */
final class BronzeHop implements Hop {
    static final String NAME = "reconciliation.bronze";

    private final Supplier<Connection> connections;
    private final BronzeRowCounter counter;

    BronzeHop(Supplier<Connection> connections, BronzeRowCounter counter) {
        this.connections = requireNonNull(connections, "connections is null");
        this.counter = requireNonNull(counter, "counter is null");
    }

    @Override
    public Optional<CheckResult> check(RunReport report, RunState state) {
        if (!Hop.consumedInto(report, PostgresRawSink.TYPE)) {
            return Optional.empty();
        }
        return state.get(IngestStage.PRODUCED).map(produced -> {
            long stored;
            try (Connection connection = connections.get()) {
                stored = counter.count(connection, produced);
            } catch (SQLException e) {
                throw SqlFailures.translate("Reconciling the bronze table", e);
            }
            return Counts.compare(NAME, "sent", produced.records(), "bronze rows", stored, Counts.atOffsets(produced));
        });
    }
}

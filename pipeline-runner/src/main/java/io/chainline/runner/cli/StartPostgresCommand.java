package io.chainline.runner.cli;

import java.nio.file.Path;

import io.chainline.embedded.postgres.EmbeddedPostgres;
import io.chainline.runner.services.ResolvedPostgresEndpoint;
import picocli.CommandLine.Command;

/** {@code chainline start-postgres}: a local PostgreSQL server as a background service. */
@Command(name = "start-postgres", description = "Start a local PostgreSQL server as a background service.")
final class StartPostgresCommand extends StartServiceCommand {

    @Override
    String service() {
        return ResolvedPostgresEndpoint.SERVICE;
    }

    @Override
    String title() {
        return "PostgreSQL";
    }

    @Override
    Running startHere(Path dataDir, int port) {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, port);
        return new Running(postgres, "127.0.0.1:" + postgres.port());
    }
}

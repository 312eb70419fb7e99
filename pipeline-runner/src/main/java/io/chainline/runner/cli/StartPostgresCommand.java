package io.chainline.runner.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;

import io.chainline.runner.services.EmbeddedService;
import io.chainline.runner.services.InProcessServices;
import io.chainline.runner.services.ResolvedPostgresEndpoint;

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
    EmbeddedService startHere(Path dataDir, int port) {
        return InProcessServices.postgres(dataDir, port);
    }
}

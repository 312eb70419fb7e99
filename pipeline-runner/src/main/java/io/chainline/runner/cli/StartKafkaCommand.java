package io.chainline.runner.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;

import io.chainline.runner.services.EmbeddedService;
import io.chainline.runner.services.InProcessServices;
import io.chainline.runner.services.ResolvedKafkaEndpoint;

/** {@code chainline start-kafka}: a single-node Kafka broker (KRaft) as a background service. */
@Command(name = "start-kafka", description = "Start a local Kafka broker (KRaft) as a background service.")
final class StartKafkaCommand extends StartServiceCommand {

    @Override
    String service() {
        return ResolvedKafkaEndpoint.SERVICE;
    }

    @Override
    String title() {
        return "Kafka";
    }

    @Override
    EmbeddedService startHere(Path dataDir, int port) {
        return InProcessServices.kafka(dataDir, port);
    }
}

package io.chainline.runner.cli;

import java.nio.file.Path;

import io.chainline.embedded.kafka.EmbeddedKafka;
import io.chainline.runner.services.ResolvedKafkaEndpoint;
import picocli.CommandLine.Command;

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
    Running startHere(Path dataDir, int port) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port);
        return new Running(kafka, kafka.bootstrapServers());
    }
}

package io.chainline.runner.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.google.inject.Injector;
import picocli.CommandLine.Command;

import io.chainline.core.settings.KafkaSettings;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.topic.IngestTopics;
import io.chainline.runner.services.EmbeddedService;
import io.chainline.runner.services.InProcessServices;
import io.chainline.runner.services.ResolvedKafkaEndpoint;

/**
 * {@code chainline start-kafka}: a single-node Kafka broker (KRaft) as a background service. Once the broker is up,
 * and before the command returns, it creates Chainline's topics ({@link IngestTopics}: {@code chainline.ingest.topic},
 * {@code dlq-topic} and {@code positions-topic} with the configured partitions), so that any producer, such as the
 * original project's, can write to {@code supply_chain_data} at once: the broker does not create topics on demand.
 */
@Command(
        name = "start-kafka",
        description = "Start a local Kafka broker (KRaft) as a background service, with Chainline's topics created.")
final class StartKafkaCommand extends StartServiceCommand {
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

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

    @Override
    void prepare(Injector injector, EmbeddedService running) {
        IngestSettings settings = injector.getInstance(IngestSettings.class);
        List<String> created = IngestTopics.ensure(
                injector.getInstance(KafkaSettings.class).clientProperties(running.address()), settings, TOPIC_TIMEOUT);
        root.environment()
                .output()
                .message("Topics " + IngestTopics.names(settings) + " are ready ("
                        + (created.isEmpty() ? "they existed" : "created " + created) + ")");
    }
}

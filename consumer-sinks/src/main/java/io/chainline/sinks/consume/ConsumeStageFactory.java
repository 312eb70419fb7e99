package io.chainline.sinks.consume;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.Registry;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.sinks.SinksSettings;
import io.chainline.sinks.spi.RawSink;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link ConsumeStage}s. The Kafka clients, the chosen sinks (new instances from the {@link RawSink}
 * registry) and the threads that run the sinks side by side are created here and handed to the run's
 * {@link Lifecycle}.
 */
public final class ConsumeStageFactory {
    /** What names sinks in a request, in messages about unknown ones. */
    private static final String SINKS_OPTION = "--sinks";

    private final Registry<RawSink> sinks;
    private final SinksSettings settings;
    private final KafkaEndpoint endpoint;
    private final Lifecycle lifecycle;

    @Inject
    public ConsumeStageFactory(
            Registry<RawSink> sinks, SinksSettings settings, KafkaEndpoint endpoint, Lifecycle lifecycle) {
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    /**
     * A stage for the request, writing to the sinks it names or else to {@code chainline.sinks.enabled}, in the
     * order of their names.
     *
     * @throws ConfigException when the request names a sink that is not registered (listing the registered ones)
     */
    public ConsumeStage create(ConsumeRequest request) {
        requireNonNull(request, "request is null");
        Set<String> wanted = new TreeSet<>(request.sinks().isEmpty() ? settings.enabled() : request.sinks());
        sinks.checkRegistered(wanted, SINKS_OPTION);
        Map<String, RawSink> chosen = new LinkedHashMap<>();
        wanted.forEach(name -> chosen.put(name, lifecycle.manage(sinks.get(name, SINKS_OPTION))));
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, chosen.size()), runnable -> {
            Thread thread = new Thread(runnable, "chainline-sink");
            thread.setDaemon(true);
            return thread;
        });
        lifecycle.manage(executor::shutdownNow);
        ConsumeKafka kafka = lifecycle.manage(ConsumeKafka.connect(endpoint, settings));
        return new ConsumeStage(
                request, kafka, new SinkFanOut(chosen, executor, new SinkRetry(settings.retry())), settings);
    }

    /** The registered sinks. */
    public Registry<RawSink> sinks() {
        return sinks;
    }
}

package io.chainline.sinks.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.chainline.core.error.ConfigException;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.sinks.SinksSettings;
import io.chainline.sinks.spi.RawSink;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link ConsumeStage}s. The Kafka clients, the sinks (from the {@link RawSink} multibinder) and the
 * threads that run the sinks side by side are created here and handed to the run's {@link Lifecycle}.
 */
public final class ConsumeStageFactory {
    private final Provider<Set<RawSink>> sinks;
    private final SinksSettings settings;
    private final KafkaEndpoint endpoint;
    private final Lifecycle lifecycle;

    @Inject
    public ConsumeStageFactory(
            Provider<Set<RawSink>> sinks, SinksSettings settings, KafkaEndpoint endpoint, Lifecycle lifecycle) {
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    /**
     * A stage for the request.
     *
     * @throws ConfigException when the request names a sink that is not registered
     */
    public ConsumeStage create(ConsumeRequest request) {
        requireNonNull(request, "request is null");
        Set<String> wanted = request.sinks().isEmpty() ? settings.enabled() : request.sinks();
        List<RawSink> chosen = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        for (RawSink sink : sinks.get()) {
            known.add(sink.type());
            if (wanted.contains(sink.type())) {
                chosen.add(lifecycle.manage(sink));
            } else {
                sink.close();
            }
        }
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(known);
        if (!missing.isEmpty()) {
            throw new ConfigException("Unknown sink " + missing + ": known sinks are " + known);
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, chosen.size()), runnable -> {
            Thread thread = new Thread(runnable, "chainline-sink");
            thread.setDaemon(true);
            return thread;
        });
        lifecycle.manage(executor::shutdownNow);
        ConsumeKafka kafka = lifecycle.manage(ConsumeKafka.connect(endpoint, settings));
        return new ConsumeStage(request, kafka, new SinkFanOut(chosen, executor), settings);
    }
}

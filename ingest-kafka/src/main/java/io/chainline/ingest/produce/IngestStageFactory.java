package io.chainline.ingest.produce;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.Registry;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.state.StateDirectory;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link IngestStage}s for requests, with the registered {@link RecordSource}s the request names. The Kafka
 * clients a stage uses are created here and handed to the run's {@link Lifecycle}, which closes them when the run
 * ends.
 */
public final class IngestStageFactory {
    /** What names a source in messages about unknown ones. */
    private static final String SOURCE_OPTION = "--source";

    private final Registry<RecordSource> sources;
    private final IngestSettings settings;
    private final KafkaEndpoint endpoint;
    private final StateDirectory stateDirectory;
    private final Lifecycle lifecycle;
    private final Clock clock;

    @Inject
    public IngestStageFactory(
            Registry<RecordSource> sources,
            IngestSettings settings,
            KafkaEndpoint endpoint,
            StateDirectory stateDirectory,
            Lifecycle lifecycle,
            Clock clock) {
        this.sources = requireNonNull(sources, "sources is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A stage for the request of the run {@code runId}.
     *
     * @throws ConfigException when the request names no input, or a source that is not registered (listing the
     *     registered ones)
     */
    public IngestStage create(IngestRequest request, String runId) {
        requireNonNull(request, "request is null");
        if (request.isEmpty()) {
            throw new ConfigException("Nothing to ingest: give --input PATH, --generate N, --jdbc or --source NAME");
        }
        List<String> names = request.sourceNames();
        sources.checkRegistered(names, SOURCE_OPTION);
        Map<String, RecordSource> chosen = new LinkedHashMap<>();
        names.forEach(name -> chosen.put(name, sources.get(name, SOURCE_OPTION)));
        IngestKafka kafka = lifecycle.manage(IngestKafka.connect(endpoint, settings));
        RejectsFile rejects = new RejectsFile(stateDirectory.resolve("rejects/" + runId + ".jsonl"));
        return new IngestStage(request, chosen, kafka, settings, rejects, clock);
    }

    /** The registered record sources. */
    public Registry<RecordSource> sources() {
        return sources;
    }
}

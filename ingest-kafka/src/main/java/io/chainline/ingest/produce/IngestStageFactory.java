package io.chainline.ingest.produce;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.state.StateDirectory;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link IngestStage}s for requests. The Kafka clients a stage uses are created here and handed to the
 * run's {@link Lifecycle}, which closes them when the run ends.
 */
public final class IngestStageFactory {
    private final List<RecordSource> sources;
    private final IngestSettings settings;
    private final KafkaEndpoint endpoint;
    private final StateDirectory stateDirectory;
    private final Lifecycle lifecycle;
    private final Clock clock;

    @Inject
    public IngestStageFactory(
            Set<RecordSource> sources,
            IngestSettings settings,
            KafkaEndpoint endpoint,
            StateDirectory stateDirectory,
            Lifecycle lifecycle,
            Clock clock) {
        this.sources = ordered(requireNonNull(sources, "sources is null"));
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * A stage for the request of the run {@code runId}.
     *
     * @throws ConfigException when the request names no input
     */
    public IngestStage create(IngestRequest request, String runId) {
        requireNonNull(request, "request is null");
        if (request.isEmpty()) {
            throw new ConfigException("Nothing to ingest: give --input PATH, --generate N or --jdbc");
        }
        IngestKafka kafka = lifecycle.manage(IngestKafka.connect(endpoint, settings));
        RejectsFile rejects = new RejectsFile(stateDirectory.resolve("rejects/" + runId + ".jsonl"));
        return new IngestStage(request, sources, kafka, settings, rejects, clock);
    }

    private static List<RecordSource> ordered(Set<RecordSource> sources) {
        List<RecordSource> list = new ArrayList<>(sources);
        list.sort(Comparator.comparing(RecordSource::type));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).type().equals(list.get(i - 1).type())) {
                throw new ConfigException(
                        "Two record sources have the type '" + list.get(i).type() + "': "
                                + list.get(i - 1).getClass().getName() + " and "
                                + list.get(i).getClass().getName());
            }
        }
        return list;
    }
}

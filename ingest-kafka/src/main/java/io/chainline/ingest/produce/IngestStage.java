package io.chainline.ingest.produce;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.raw.TopicOffsets;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.ingest.source.SourceInput;

import static java.util.Objects.requireNonNull;

/**
 * {@code stream-data}: sends the rows of every requested input to the topic, exactly once. Valid rows go to
 * {@code chainline.ingest.topic}, rejected ones (with the reason) to the dead-letter topic and the run's rejects
 * file; per input, rows read = sent + rejected. An input already sent to its end is skipped and reported as such;
 * an input that is unusable as a whole (a CSV file lacking required columns) does not stop the others, but fails
 * the stage at the end.
 */
public final class IngestStage implements Stage {
    /** The stage\'s name in reports. */
    public static final String NAME = "stream-data";
    /** The offset ranges of the rows this run sent to the topic, for reconciliation downstream. */
    public static final RunState.Key<TopicOffsets> PRODUCED = RunState.Key.of("ingest.produced", TopicOffsets.class);

    private static final Logger log = LoggerFactory.getLogger(IngestStage.class);

    private final IngestRequest request;
    private final Map<String, RecordSource> sources;
    private final IngestKafka kafka;
    private final IngestSettings settings;
    private final RejectsFile rejects;
    private final Clock clock;

    IngestStage(
            IngestRequest request,
            Map<String, RecordSource> sources,
            IngestKafka kafka,
            IngestSettings settings,
            RejectsFile rejects,
            Clock clock) {
        this.request = requireNonNull(request, "request is null");
        this.sources = new LinkedHashMap<>(requireNonNull(sources, "sources is null"));
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.rejects = requireNonNull(rejects, "rejects is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String configPath() {
        return "chainline.ingest";
    }

    @Override
    public StageReport run(StageContext context) {
        List<SourceInput> inputs = new ArrayList<>();
        for (RecordSource source : sources.values()) {
            inputs.addAll(source.inputs(request));
        }
        if (inputs.isEmpty()) {
            throw new ConfigException(
                    "Nothing to ingest: no record source (" + sources.keySet() + ") has an input for " + request);
        }
        Map<String, PositionRecord> positions = kafka.readPositions();
        StageReport.Builder report = StageReport.builder(name()).output(settings.topic());
        InputSender sender = new InputSender(kafka, settings, rejects, clock);
        ProgressCounter progress =
                new ProgressCounter(request.generateRows() > 0 && inputs.size() == 1 ? request.generateRows() : -1);
        ProducedOffsets produced = new ProducedOffsets();
        long read = 0;
        long sent = 0;
        long rejected = 0;
        long skipped = 0;
        List<String> unusable = new ArrayList<>();
        for (SourceInput input : inputs) {
            PositionRecord committed = committedPosition(positions, input);
            if (committed != null && committed.complete()) {
                String note = "already ingested completely (" + committed.rowsRead() + " rows read, "
                        + committed.rowsSent() + " sent, " + committed.rowsRejected() + " rejected, run "
                        + committed.runId() + " at " + committed.committedAt() + "); nothing sent";
                log.info("{}: {}", input.description(), note);
                report.part(new PartReport(input.description(), 0, 0, 0, note));
                skipped++;
                continue;
            }
            InputSender.Counts counts;
            try {
                counts = sender.send(input, committed, context, progress, produced);
            } catch (DataQualityException e) {
                unusable.add(e.getMessage());
                report.part(new PartReport(input.description(), 0, 0, 0, "rejected as a whole: " + e.getMessage()));
                continue;
            }
            if (counts.read() != counts.sent() + counts.rejected()) {
                throw new IllegalStateException(input.description() + ": " + counts.read() + " rows read but "
                        + counts.sent() + " sent and " + counts.rejected() + " rejected");
            }
            report.part(new PartReport(
                    input.description(),
                    counts.read(),
                    counts.sent(),
                    counts.rejected(),
                    committed == null || committed.position() == null
                            ? ""
                            : "resumed after " + input.describePosition(committed.position())));
            read += counts.read();
            sent += counts.sent();
            rejected += counts.rejected();
        }
        TopicOffsets offsets = produced.snapshot(settings.topic(), kafka.topicId());
        context.state().put(PRODUCED, offsets);
        if (!unusable.isEmpty()) {
            throw new DataQualityException(unusable.size() + " of " + inputs.size() + " inputs could not be read"
                    + " (the others were sent: " + sent + " rows sent, " + rejected + " rejected): "
                    + String.join("; ", unusable));
        }
        if (rejects.lines() > 0) {
            report.output(rejects.path().toUri().toString());
            report.warning(rejected + " rows rejected: see the dead-letter topic " + settings.dlqTopic() + " and "
                    + rejects.path());
        }
        return report.rowsIn(read)
                .rowsOut(sent)
                .rowsRejected(rejected)
                .counter("inputs", inputs.size())
                .counter("inputs-skipped", skipped)
                .counter("partitions-written", offsets.ranges().size())
                .build();
    }

    /** The position under the input's key, else one under a key it had before (taken over with a warning). */
    private static PositionRecord committedPosition(Map<String, PositionRecord> positions, SourceInput input) {
        PositionRecord committed = positions.get(input.key());
        if (committed != null) {
            return committed;
        }
        for (String former : input.formerKeys()) {
            PositionRecord earlier = positions.get(former);
            if (earlier != null) {
                log.warn(
                        "{}: taking over the position committed under the earlier key '{}' ({}); its next position"
                                + " is committed under '{}'",
                        input.description(),
                        former,
                        earlier.position() == null ? "none" : input.describePosition(earlier.position()),
                        input.key());
                return earlier;
            }
        }
        return null;
    }
}

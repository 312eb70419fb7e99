package io.chainline.ingest.produce;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.RetriableException;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;
import io.chainline.core.stage.StageStatus;
import io.chainline.ingest.IngestModule;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that fails while it is read ahead of the sending thread: the failure reaches the stage with its
 * message, the open transaction is aborted (only the committed transactions' rows are visible), and the reading
 * thread does not outlive the run.
 */
class ReadFailureIT {
    private static final int FAIL_AT = 60;

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka();

    @TempDir
    Path dir;

    @Test
    void aReadFailureAbortsTheOpenTransactionAndStopsTheReadingThread() {
        IngestHarness harness = new IngestHarness(services.bootstrapServers(), dir.resolve("state"), "read-fail");

        RunReport report = harness.ingest(
                IngestRequest.fromSources("failing"),
                ProgressListener.NONE,
                binder -> IngestModule.addSource(binder, "failing").toInstance(new FailingSource()));

        StageReport stage = report.stage("stream-data").orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.FAILED);
        assertThat(stage.error()).contains("Cannot read failing input at row " + FAIL_AT + ": the disk is gone");
        // transaction-rows = 25: rows 1-50 were committed, rows 51-60 were in the aborted transaction.
        assertThat(harness.read(harness.topic())).hasSize(50);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("chainline-ingest-read"));
    }

    /** A source whose one input fails after {@value #FAIL_AT} rows. */
    private static final class FailingSource implements RecordSource {
        @Override
        public List<SourceInput> inputs(IngestRequest request) {
            return List.of(new SourceInput() {
                @Override
                public String key() {
                    return "failing:1";
                }

                @Override
                public String description() {
                    return "failing input";
                }

                @Override
                public boolean finite() {
                    return true;
                }

                @Override
                public SourceReader open(String committedPosition) {
                    return new FailingReader();
                }
            });
        }
    }

    private static final class FailingReader implements SourceReader {
        private final Iterator<GeneratedRow> rows = new DataCoGenerator(42).rows(1_000);
        private int read;

        @Override
        public SourceRow next() {
            if (read == FAIL_AT) {
                throw new RetriableException("Cannot read failing input at row " + read + ": the disk is gone");
            }
            read++;
            Map<String, String> values = rows.next().asHeaderMap();
            return SourceRow.of(read, values, values.toString(), Integer.toString(read));
        }

        @Override
        public void close() {}
    }
}

package io.chainline.ingest.generator;

import java.util.Iterator;
import java.util.List;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

/**
 * The synthetic DataCo rows of {@link DataCoGenerator} as a source ({@code stream-data --generate N --seed S}).
 * Its position is the index of the next row, so a resumed run continues with exactly the rows it had not sent.
 */
public final class GeneratorRecordSource implements RecordSource {
    /** This source's type name. */
    public static final String TYPE = IngestRequest.GENERATOR;

    @Override
    public List<SourceInput> inputs(IngestRequest request) {
        return request.generateRows() == 0 ? List.of() : List.of(new Input(request.seed(), request.generateRows()));
    }

    private record Input(long seed, long rows) implements SourceInput {

        @Override
        public String key() {
            return "generator:seed=" + seed + ":rows=" + rows;
        }

        @Override
        public String description() {
            return "generator (seed " + seed + ", " + rows + " rows)";
        }

        @Override
        public boolean finite() {
            return true;
        }

        @Override
        public SourceReader open(String committedPosition) {
            long from = committedPosition == null ? 0 : Long.parseLong(committedPosition);
            Iterator<GeneratedRow> generated = new DataCoGenerator(seed).rows(from, rows - from);
            return new SourceReader() {
                @Override
                public SourceRow next() {
                    if (!generated.hasNext()) {
                        return null;
                    }
                    GeneratedRow row = generated.next();
                    String position = Long.toString(row.index() + 1);
                    return SourceRow.of(row.index() + 1, row.asHeaderMap(), String.join(",", row.values()), position);
                }

                @Override
                public void close() {}
            };
        }
    }
}

package io.chainline.ingest.source;

import java.util.List;

/**
 * A kind of input that rows come from: CSV files, a JDBC offline store, the generator. Implementations are
 * registered in {@code IngestModule} with a Guice multibinder; an embedding project adds its own the same way.
 * A source only describes its inputs; reading happens through {@link SourceInput#open(String)}.
 */
public interface RecordSource {

    /** A short type name, unique among sources: {@code csv}, {@code jdbc}, {@code generator}. */
    String type();

    /**
     * The inputs this source reads for the request, in the order they should be ingested; empty when the request
     * names none of this source's inputs.
     *
     * @throws io.chainline.core.error.ConfigException when the request names inputs of this source that cannot be
     *     used (a path that does not exist, a glob that matches nothing)
     */
    List<SourceInput> inputs(IngestRequest request);
}

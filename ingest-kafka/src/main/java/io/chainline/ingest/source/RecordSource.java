package io.chainline.ingest.source;

import java.util.List;

/**
 * A kind of input that rows come from: CSV files, a JDBC offline store, the generator, or one an embedding project
 * adds. Implementations are registered by a short type name ({@code csv}, {@code jdbc}, {@code generator}) with
 * {@code IngestModule.addSource(binder, "name")}; an ingest run reads the sources its {@link IngestRequest} names
 * ({@link IngestRequest#sourceNames()}). A source only describes its inputs; reading happens through
 * {@link SourceInput#open(String)}.
 */
public interface RecordSource {

    /**
     * The inputs this source reads for the request, in the order they should be ingested; empty when the request
     * gives this source nothing to read (e.g. the CSV source of a request without files).
     *
     * @throws io.chainline.core.error.ConfigException when the request names inputs of this source that cannot be
     *     used (a path that does not exist, a glob that matches nothing)
     */
    List<SourceInput> inputs(IngestRequest request);
}

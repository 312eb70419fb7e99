package io.chainline.ingest.source;

/**
 * Reads the rows of one {@link SourceInput} in order, streaming: memory does not grow with the input's size.
 * Not thread-safe; one reader per input at a time.
 */
public interface SourceReader extends AutoCloseable {

    /**
     * The next row, or null at the end of the input. A row that cannot even be split into columns (a wrong field
     * count, broken quoting) is returned with {@link SourceRow#problem()} set, so that it is rejected with a reason
     * and reading continues.
     *
     * @throws io.chainline.core.error.RetriableException on I/O failures that may pass
     */
    SourceRow next();

    /** Releases files, result sets and connections; never throws a checked exception. */
    @Override
    void close();
}

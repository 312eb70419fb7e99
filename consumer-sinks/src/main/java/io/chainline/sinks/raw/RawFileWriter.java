package io.chainline.sinks.raw;

import java.io.Closeable;
import java.io.IOException;

import io.chainline.sinks.spi.RawRecord;

/** Appends records to one local file in a raw file format. Not thread-safe. */
interface RawFileWriter extends Closeable {

    /** Appends one record (it may stay in a buffer until {@link #close()}). */
    void append(RawRecord record) throws IOException;

    /** The bytes that reached the file so far; lags behind the appends by at most one buffer. */
    long bytes();

    /** Writes what is buffered and closes the file. */
    @Override
    void close() throws IOException;
}

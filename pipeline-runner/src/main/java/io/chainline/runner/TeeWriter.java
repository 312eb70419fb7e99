package io.chainline.runner;

import java.io.IOException;
import java.io.Writer;

import static java.util.Objects.requireNonNull;

/** Writes everything to two writers, so an embedded command's messages reach the caller and can be quoted. */
final class TeeWriter extends Writer {
    private final Writer first;
    private final Writer second;

    TeeWriter(Writer first, Writer second) {
        this.first = requireNonNull(first, "first is null");
        this.second = requireNonNull(second, "second is null");
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        first.write(buffer, offset, length);
        second.write(buffer, offset, length);
    }

    @Override
    public void flush() throws IOException {
        first.flush();
        second.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}

package io.chainline.benchmarks;

import java.io.IOException;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/** Writes every byte to two streams: a tool's stdout is kept for parsing and shown on stderr while it runs. */
final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
        this.first = requireNonNull(first, "first is null");
        this.second = requireNonNull(second, "second is null");
    }

    @Override
    public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        first.flush();
        second.flush();
    }
}

package io.chainline.ingest.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a file's bytes chunk by chunk with one charset, replacing nothing, and remembers where the first byte is
 * that the charset cannot decode (its offset and line) and whether any character beyond ASCII decoded cleanly. It
 * goes on past a bad byte, so that a later multi-byte character is still seen. Not thread-safe.
 */
final class TextCheck {
    private final CharsetDecoder decoder;
    private final CharBuffer chars;
    private long consumed;
    private long line = 1;
    private long firstBadByte = -1;
    private long firstBadLine;
    private boolean nonAscii;

    /** A check of text in {@code charset}, decoding into a buffer of {@code chunk} characters. */
    TextCheck(Charset charset, int chunk) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.chars = CharBuffer.allocate(chunk);
    }

    /**
     * Decodes what {@code bytes} holds (flipped for reading), leaving an incomplete trailing sequence in it unless
     * {@code endOfInput}.
     */
    void decode(ByteBuffer bytes, boolean endOfInput) {
        while (true) {
            chars.clear();
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            consumed += bytes.position() - start;
            take();
            if (result.isError()) {
                if (firstBadByte < 0) {
                    firstBadByte = consumed;
                    firstBadLine = line;
                }
                bytes.position(bytes.position() + result.length());
                consumed += result.length();
            } else if (result.isUnderflow()) {
                break;
            }
        }
        if (endOfInput) {
            chars.clear();
            decoder.flush(chars);
            take();
        }
    }

    /** The 0-based offset of the first byte the charset cannot decode; -1 when every byte decoded. */
    long firstBadByte() {
        return firstBadByte;
    }

    /** The 1-based line of {@link #firstBadByte()}. */
    long firstBadLine() {
        return firstBadLine;
    }

    /** Whether a character beyond ASCII (U+0080 and up) decoded cleanly. */
    boolean nonAscii() {
        return nonAscii;
    }

    private void take() {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                line++;
            } else if (c >= 0x80) {
                nonAscii = true;
            }
        }
    }
}

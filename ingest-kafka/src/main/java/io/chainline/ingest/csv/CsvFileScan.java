package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * What one streaming pass over a CSV file's bytes learns: its SHA-256 and its encoding.
 *
 * <p>The encoding is UTF-8 when the whole file is valid UTF-8 (a byte order mark is allowed). Otherwise it is
 * windows-1252, the usual encoding of files saved by spreadsheet programs, unless the file holds a byte that
 * windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): then ISO-8859-1, which defines every byte.
 *
 * @param sha256 the lower-case hex SHA-256 of the file's bytes
 * @param charset the detected encoding
 * @param utf8Bom whether the file starts with the UTF-8 byte order mark
 */
record CsvFileScan(String sha256, Charset charset, boolean utf8Bom) {
    /** windows-1252: ISO-8859-1 with printable characters (euro sign, curly quotes) in 0x80 to 0x9F. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The length of the UTF-8 byte order mark. */
    static final int UTF8_BOM_LENGTH = 3;

    private static final int CHUNK = 1 << 16;

    CsvFileScan {
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(charset, "charset is null");
    }

    /** Reads {@code file} once, in chunks, without holding it in memory. */
    static CsvFileScan of(Path file) throws IOException {
        requireNonNull(file, "file is null");
        MessageDigest digest = sha256Digest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer discard = CharBuffer.allocate(CHUNK);
        boolean validUtf8 = true;
        boolean undefinedInWindows1252 = false;
        byte[] head = new byte[UTF8_BOM_LENGTH];
        int headLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int offset = bytes.position();
                int read = in.read(bytes.array(), offset, bytes.remaining());
                if (read < 0) {
                    break;
                }
                byte[] array = bytes.array();
                digest.update(array, offset, read);
                if (!undefinedInWindows1252) {
                    undefinedInWindows1252 = hasUndefinedWindows1252Byte(array, offset, offset + read);
                }
                int headPart = Math.min(read, head.length - headLength);
                System.arraycopy(array, offset, head, headLength, headPart);
                headLength += headPart;
                bytes.position(offset + read);
                if (validUtf8) {
                    bytes.flip();
                    validUtf8 = decode(utf8, bytes, discard, false);
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
            if (validUtf8) {
                bytes.flip();
                validUtf8 = decode(utf8, bytes, discard, true)
                        && !utf8.flush(discard).isError();
            }
        }
        Charset charset = validUtf8
                ? StandardCharsets.UTF_8
                : undefinedInWindows1252 ? StandardCharsets.ISO_8859_1 : WINDOWS_1252;
        boolean bom = headLength == UTF8_BOM_LENGTH
                && head[0] == (byte) 0xEF
                && head[1] == (byte) 0xBB
                && head[2] == (byte) 0xBF;
        return new CsvFileScan(HexFormat.of().formatHex(digest.digest()), charset, bom);
    }

    /** Decodes what {@code bytes} holds, leaving an incomplete trailing sequence for the next chunk. */
    private static boolean decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer discard, boolean endOfInput) {
        while (true) {
            discard.clear();
            CoderResult result = decoder.decode(bytes, discard, endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    private static boolean hasUndefinedWindows1252Byte(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = array[i] & 0xFF;
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every JVM must provide", e);
        }
    }
}

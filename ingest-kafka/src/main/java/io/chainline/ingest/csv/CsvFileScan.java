package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one streaming pass over a CSV file's bytes learns: its SHA-256, its encoding, and whether it can be read as
 * text in that encoding without replacing a byte.
 *
 * <p>When no encoding is asked for, it is UTF-8 when the whole file is valid UTF-8 (a byte order mark is allowed).
 * A file that holds UTF-8 characters beyond ASCII and also bytes that are no UTF-8 is a damaged UTF-8 file: it stays
 * UTF-8 and {@link #badByte()} names the first bad byte, since reading it in another encoding would garble every one
 * of its accented letters. Otherwise it is windows-1252, the usual encoding of files saved by spreadsheet programs,
 * unless the file holds a byte that windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): then ISO-8859-1,
 * which defines every byte. An encoding asked for is checked the same way: a byte it cannot decode is
 * {@link #badByte()}, never a replacement character (U+FFFD) in a value.
 *
 * @param sha256 the lower-case hex SHA-256 of the file's bytes
 * @param charset the requested or detected encoding
 * @param utf8Bom whether the file starts with the UTF-8 byte order mark
 * @param gzip whether the file starts with the gzip magic bytes (a compressed file, not text)
 * @param badByte the 0-based offset of the first byte {@code charset} cannot decode, or -1 when there is none
 * @param badLine the 1-based line of {@code badByte}, or 0
 */
record CsvFileScan(String sha256, Charset charset, boolean utf8Bom, boolean gzip, long badByte, long badLine) {
    /** windows-1252: ISO-8859-1 with printable characters (euro sign, curly quotes) in 0x80 to 0x9F. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The length of the UTF-8 byte order mark. */
    static final int UTF8_BOM_LENGTH = 3;

    private static final int CHUNK = 1 << 16;

    CsvFileScan {
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(charset, "charset is null");
    }

    /**
     * Reads {@code file} once, in chunks, without holding it in memory.
     *
     * @param requested the encoding to check the file against, or empty to detect it
     */
    static CsvFileScan of(Path file, Optional<Charset> requested) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(requested, "requested is null");
        MessageDigest digest = sha256Digest();
        TextCheck text = new TextCheck(requested.orElse(StandardCharsets.UTF_8), CHUNK);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
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
                bytes.flip();
                text.decode(bytes, false);
                bytes.compact();
            }
            bytes.flip();
            text.decode(bytes, true);
        }
        boolean decoded = text.firstBadByte() < 0;
        Charset charset;
        if (requested.isPresent() || decoded || text.nonAscii()) {
            charset = requested.orElse(StandardCharsets.UTF_8);
        } else {
            charset = undefinedInWindows1252 ? StandardCharsets.ISO_8859_1 : WINDOWS_1252;
        }
        boolean bad = !decoded && charset.equals(requested.orElse(StandardCharsets.UTF_8));
        boolean bom = headLength == UTF8_BOM_LENGTH
                && head[0] == (byte) 0xEF
                && head[1] == (byte) 0xBB
                && head[2] == (byte) 0xBF;
        boolean gzip = headLength >= 2 && head[0] == (byte) 0x1F && head[1] == (byte) 0x8B;
        return new CsvFileScan(
                HexFormat.of().formatHex(digest.digest()),
                charset,
                bom,
                gzip,
                bad ? text.firstBadByte() : -1,
                bad ? text.firstBadLine() : 0);
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

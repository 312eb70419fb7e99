package io.chainline.ingest.produce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One case of the bad-input corpus ({@code src/test/resources/bad-input/}) and what its ingest must give, written
 * out by hand: rows read, sent and rejected, each dead letter as {@code "<line>: <reason>"}, and the message of a
 * file that fails as a whole. A reason or message ending in {@value #PREFIX} is matched as a prefix; {@code {file}}
 * in a message stands for the input's path.
 *
 * @param name the case's name, also its topics' prefix
 * @param input writes the case's input into a directory and returns what to ingest (a file or a directory)
 * @param charset the charset asked for, or empty to detect it
 * @param read rows read
 * @param sent rows sent to the topic
 * @param rejected rows sent to the dead-letter topic
 * @param letters the dead letters in line order
 * @param failure the file's failure message, or null when the file is read
 * @param arrives text some sent record's JSON value must hold, or null
 */
record BadInputCase(
        String name,
        Input input,
        Optional<Charset> charset,
        long read,
        long sent,
        long rejected,
        List<String> letters,
        String failure,
        String arrives) {
    /** Marks an expected text as a prefix. */
    static final String PREFIX = "…";

    BadInputCase {
        requireNonNull(name, "name is null");
        requireNonNull(input, "input is null");
        requireNonNull(charset, "charset is null");
        letters = List.copyOf(letters);
    }

    /** Writes a case's input. */
    @FunctionalInterface
    interface Input {
        /** Writes the input under {@code dir}; returns the path to ingest. */
        Path write(Path dir) throws IOException;
    }

    /** A committed corpus file, copied under its own name. */
    static Input resource(String name) {
        return dir -> copy("/bad-input/" + name, dir.resolve(name));
    }

    /** A case whose rows are all read: sent or rejected. */
    static BadInputCase read(String name, Input input, long sent, String... letters) {
        return new BadInputCase(
                name,
                input,
                Optional.empty(),
                sent + letters.length,
                sent,
                letters.length,
                List.of(letters),
                null,
                null);
    }

    /** A case of a committed file whose rows are all read. */
    static BadInputCase read(String file, long sent, String... letters) {
        return read(stem(file), resource(file), sent, letters);
    }

    /** A case of a committed file that fails as a whole, with nothing sent. */
    static BadInputCase fails(String file, String failure) {
        return new BadInputCase(stem(file), resource(file), Optional.empty(), 0, 0, 0, List.of(), failure, null);
    }

    /** This case with {@code charset} asked for. */
    BadInputCase withCharset(Charset requested) {
        return new BadInputCase(name, input, Optional.of(requested), read, sent, rejected, letters, failure, arrives);
    }

    /** This case, where some sent record's JSON value must hold {@code text}. */
    BadInputCase arriving(String text) {
        return new BadInputCase(name, input, charset, read, sent, rejected, letters, failure, text);
    }

    /** Whether {@code actual} is {@code expected}, or starts with it when it ends in {@value #PREFIX}. */
    static boolean matches(String expected, String actual) {
        return expected.endsWith(PREFIX)
                ? actual.startsWith(expected.substring(0, expected.length() - PREFIX.length()))
                : actual.equals(expected);
    }

    /** Whether each of {@code actual} matches the expected text at its index. */
    static boolean allMatch(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }

    static Path copy(String resource, Path target) {
        try (InputStream in = BadInputCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + resource + " is missing");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined with {@code \n}, each ending in it. */
    static String lines(List<String> lines) {
        return String.join("\n", new ArrayList<>(lines)) + "\n";
    }

    private static String stem(String file) {
        int dot = file.indexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }
}

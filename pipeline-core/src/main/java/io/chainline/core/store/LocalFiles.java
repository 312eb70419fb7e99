package io.chainline.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** File-level steps of {@link LocalBlobStore}: attributes and generations, durable temp files, timestamps. */
final class LocalFiles {
    private LocalFiles() {}

    /** The attributes of a regular file, or empty if there is none at {@code file}. */
    static Optional<BasicFileAttributes> attributes(Path file) throws IOException {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(attributes) : Optional.empty();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            // ENOTDIR arrives as a plain FileSystemException: some ancestor is a file, so nothing exists below it.
            if (hasFileAncestor(file)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean hasFileAncestor(Path file) {
        for (Path parent = file.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The generation of a file: modification time in nanoseconds, size and file key (inode). Every replacement is a
     * new inode with a fresh, strictly later timestamp (see {@link #stamp}), so the token changes on every write.
     */
    static String generation(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        String suffix = key == null ? "" : "-" + key.toString().replaceAll("[^A-Za-z0-9]", "");
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "-" + attributes.size() + suffix;
    }

    static BlobInfo info(String name, BasicFileAttributes attributes) {
        return new BlobInfo(
                name,
                attributes.size(),
                generation(attributes),
                attributes.lastModifiedTime().toInstant());
    }

    /** Receives a regular file found by {@link #walk}. */
    @FunctionalInterface
    interface FileVisitor {
        void visit(Path file, BasicFileAttributes attributes);
    }

    /**
     * Visits every regular file under {@code directory} (recursively, not following links), skipping the store's
     * reserved files. Entries that vanish while walking (temp files renamed away, concurrent deletes) are skipped.
     */
    static void walk(Path directory, FileVisitor visitor) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(BlobNames.RESERVED_PREFIX)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (attributes.isDirectory()) {
                    walk(entry, visitor);
                } else if (attributes.isRegularFile()) {
                    visitor.visit(entry, attributes);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // The directory is gone or is a file: nothing below it.
        }
    }

    /** Writes {@code content} to the new file {@code temp} and forces it to disk. */
    static void writeDurably(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Copies {@code source} to the new file {@code temp} and forces it to disk. */
    static void copyDurably(Path source, Path temp) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] chunk = new byte[1 << 16];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(true);
        }
    }

    /**
     * Sets the modification time of {@code temp} to now (microseconds), and strictly after that of the file it is
     * about to replace, because coarse file-system clocks and inode reuse could otherwise repeat a generation.
     */
    static void stamp(Path temp, Optional<BasicFileAttributes> replaced) throws IOException {
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (replaced.isPresent()) {
            Instant previous = replaced.get().lastModifiedTime().toInstant();
            if (!stamp.isAfter(previous)) {
                stamp = previous.plus(1, ChronoUnit.MICROS);
            }
        }
        Files.setLastModifiedTime(temp, FileTime.from(stamp));
    }

    /** Forces a directory entry change (a rename) to disk where the platform allows opening directories. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory; the rename itself is still atomic.
        }
    }
}

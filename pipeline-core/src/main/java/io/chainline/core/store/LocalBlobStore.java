package io.chainline.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * A {@link BlobStore} over a local directory; object {@code a/b} is the file {@code <root>/a/b}. Each write goes to a
 * hidden temp file in the target's directory, is forced to disk and then renamed into place atomically. Absent-only
 * writes link the temp file to the target (which fails if it exists); generation checks, replacements and deletes
 * run under a lock file in the root, so conditions hold across threads and processes sharing the directory.
 * Unlike GCS, a name cannot be both an object and a "directory" of other objects ({@code a} and {@code a/b}).
 */
public final class LocalBlobStore implements BlobStore {
    private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);
    private static final String TEMP_PREFIX = BlobNames.RESERVED_PREFIX + "tmp-";
    private static final String LOCK_FILE = BlobNames.RESERVED_PREFIX + "store.lock";
    private static final int READ_ATTEMPTS = 5;

    private final Path root;
    private final DirectoryLock lock;

    /** Opens (creating if absent) the store rooted at directory {@code root}. */
    public LocalBlobStore(Path root) {
        requireNonNull(root, "root is null");
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new ChainlineException("Cannot create the store directory " + this.root + ": " + e, e);
        }
        this.lock = new DirectoryLock(this.root.resolve(LOCK_FILE));
    }

    @Override
    public URI root() {
        URI uri = root.toUri();
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }

    @Override
    public URI uriOf(String name) {
        return resolve(name).toUri();
    }

    @Override
    public boolean write(String name, byte[] content, WriteCondition condition) {
        requireNonNull(content, "content is null");
        return commit(name, condition, temp -> LocalFiles.writeDurably(temp, content));
    }

    @Override
    public boolean write(String name, Path localFile, WriteCondition condition) {
        requireNonNull(localFile, "localFile is null");
        return commit(name, condition, temp -> LocalFiles.copyDurably(localFile, temp));
    }

    @Override
    public Optional<BlobInfo> stat(String name) {
        Path file = resolve(name);
        try {
            return LocalFiles.attributes(file).map(attributes -> LocalFiles.info(name, attributes));
        } catch (IOException e) {
            throw failure("stat", file, e);
        }
    }

    @Override
    public Optional<StoredBlob> read(String name) {
        Path file = resolve(name);
        try {
            // Attributes before and after the read agree only if no replacement happened in between.
            for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
                Optional<BasicFileAttributes> before = LocalFiles.attributes(file);
                if (before.isEmpty()) {
                    return Optional.empty();
                }
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    continue;
                }
                Optional<BasicFileAttributes> after = LocalFiles.attributes(file);
                String generation = LocalFiles.generation(before.get());
                if (after.isPresent() && LocalFiles.generation(after.get()).equals(generation)) {
                    return Optional.of(new StoredBlob(LocalFiles.info(name, before.get()), content));
                }
            }
        } catch (IOException e) {
            throw failure("read", file, e);
        }
        throw new ChainlineException(
                "Could not read " + file.toUri() + ": it was replaced during each of " + READ_ATTEMPTS + " attempts");
    }

    @Override
    public InputStream open(String name) {
        Path file = resolve(name);
        try {
            if (LocalFiles.attributes(file).isEmpty()) {
                throw new ChainlineException("Cannot open " + file.toUri() + ": no such object");
            }
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ChainlineException("Cannot open " + file.toUri() + ": no such object", e);
        } catch (IOException e) {
            throw failure("open", file, e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix) {
        BlobNames.validatePrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        List<BlobInfo> found = new ArrayList<>();
        try {
            LocalFiles.walk(start, (file, attributes) -> {
                String name = nameOf(file);
                if (name.startsWith(prefix) && BlobNames.isValid(name)) {
                    found.add(LocalFiles.info(name, attributes));
                }
            });
        } catch (IOException e) {
            throw new ChainlineException("Cannot list " + start.toUri() + " for prefix '" + prefix + "': " + e, e);
        }
        found.sort(Comparator.comparing(BlobInfo::name));
        return List.copyOf(found);
    }

    @Override
    public boolean delete(String name) {
        Path file = resolve(name);
        try {
            return lock.call(() -> LocalFiles.attributes(file).isPresent() && Files.deleteIfExists(file));
        } catch (IOException e) {
            throw failure("delete", file, e);
        }
    }

    @Override
    public boolean delete(String name, String generation) {
        requireNonNull(generation, "generation is null");
        Path file = resolve(name);
        try {
            return lock.call(() -> {
                Optional<BasicFileAttributes> current = LocalFiles.attributes(file);
                if (current.isEmpty() || !LocalFiles.generation(current.get()).equals(generation)) {
                    return false;
                }
                return Files.deleteIfExists(file);
            });
        } catch (IOException e) {
            throw failure("delete", file, e);
        }
    }

    /** Nothing to release: every operation opens and closes its own files. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "LocalBlobStore[" + root + "]";
    }

    /** Writes the content of a new object into a temp file. */
    @FunctionalInterface
    private interface ContentWriter {
        void writeTo(Path temp) throws IOException;
    }

    private boolean commit(String name, WriteCondition condition, ContentWriter content) {
        requireNonNull(condition, "condition is null");
        Path target = resolve(name);
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            content.writeTo(temp);
            boolean written;
            if (condition instanceof WriteCondition.IfGeneration ifGeneration) {
                written = lock.call(() -> replace(temp, target, ifGeneration.generation()));
            } else if (condition instanceof WriteCondition.IfAbsent) {
                written = createExclusively(temp, target);
            } else {
                written = lock.call(() -> replace(temp, target, null));
            }
            if (written) {
                LocalFiles.syncDirectory(target.getParent());
            }
            return written;
        } catch (IOException e) {
            throw failure("write", target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Under the lock: replaces {@code target} if it has {@code generation} (or unconditionally when null). */
    private static boolean replace(Path temp, Path target, String generation) throws IOException {
        Optional<BasicFileAttributes> current = LocalFiles.attributes(target);
        if (generation != null
                && (current.isEmpty() || !LocalFiles.generation(current.get()).equals(generation))) {
            return false;
        }
        LocalFiles.stamp(temp, current);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private boolean createExclusively(Path temp, Path target) throws IOException {
        LocalFiles.stamp(temp, Optional.empty());
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Hard links unavailable for {}, creating it under the store lock: {}", target, e.toString());
            return lock.call(() -> {
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            });
        }
    }

    private Path resolve(String name) {
        return root.resolve(BlobNames.validate(name));
    }

    private String nameOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Could not delete the temp file {}: {}", temp, e.toString());
        }
    }

    private static ChainlineException failure(String action, Path file, IOException cause) {
        return new ChainlineException("Could not " + action + " " + file.toUri() + ": " + cause, cause);
    }
}

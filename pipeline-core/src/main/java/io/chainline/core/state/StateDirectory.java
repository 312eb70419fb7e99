package io.chainline.core.state;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Chainline's state directory ({@code chainline.state-dir}, by default {@code ~/.chainline}): the service
 * registry, logs of background services, ingest positions and other small files that outlive one command.
 * Directories are created on first use; files are replaced atomically, so a reader never sees half a file.
 */
public final class StateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    /**
     * @param root the state directory; it need not exist yet
     */
    public StateDirectory(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** The default state directory, {@code .chainline} in the user's home directory ({@code user.home}). */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".chainline");
    }

    /** The state directory itself (absolute, normalised); not created by this call. */
    public Path root() {
        return root;
    }

    /** {@code <root>/services}: one JSON record per registered service; created if missing. */
    public Path services() {
        return directory(root.resolve("services"));
    }

    /** {@code <root>/logs}: logs of background services; created if missing. */
    public Path logs() {
        return directory(root.resolve("logs"));
    }

    /** {@code <root>/positions}: source positions of ingest runs; created if missing. */
    public Path positions() {
        return directory(root.resolve("positions"));
    }

    /**
     * A path inside the state directory; its parent directories are created, the path itself is not.
     *
     * @param relative a relative path such as {@code mage/trigger.json}; it must stay inside the state directory
     * @throws ChainlineException if the path is absolute or leaves the state directory
     */
    public Path resolve(String relative) {
        requireNonNull(relative, "relative is null");
        Path path = root.resolve(relative).normalize();
        if (relative.isBlank() || Path.of(relative).isAbsolute() || !path.startsWith(root) || path.equals(root)) {
            throw new ChainlineException("Invalid state path '" + relative
                    + "': must be a relative path inside the state directory " + root);
        }
        directory(path.getParent());
        return path;
    }

    /**
     * Writes a file that only its owner may read (POSIX permissions 0600, set before any content is written;
     * skipped on file systems without POSIX permissions), replacing it atomically.
     *
     * @param file    the file to write; its parent directories are created
     * @param content the complete new content
     */
    public void writeSecretFile(Path file, byte[] content) {
        write(file, content, true);
    }

    /**
     * Writes a file atomically: the content goes to a temporary sibling that is then moved over {@code file},
     * so readers see either the old or the new content, never a mix.
     *
     * @param file    the file to write; its parent directories are created
     * @param content the complete new content
     */
    public void writeAtomically(Path file, byte[] content) {
        write(file, content, false);
    }

    private void write(Path file, byte[] content, boolean ownerOnly) {
        requireNonNull(file, "file is null");
        requireNonNull(content, "content is null");
        Path target = file.toAbsolutePath();
        Path parent = directory(target.getParent());
        Path temp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createEmpty(temp, ownerOnly);
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new ChainlineException("Cannot write " + target + ": " + e, e);
        }
    }

    private static void createEmpty(Path temp, boolean ownerOnly) throws IOException {
        boolean posix = temp.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (ownerOnly && posix) {
            FileAttribute<Set<PosixFilePermission>> permissions = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(temp, permissions);
            // The umask may have narrowed the requested mode; set it explicitly, still before any content exists.
            Files.setPosixFilePermissions(temp, OWNER_ONLY);
        } else {
            Files.createFile(temp);
        }
    }

    private static void deleteQuietly(Path temp, IOException failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ChainlineException("Cannot use " + dir + " as a directory: a file of that name exists", e);
        } catch (IOException e) {
            throw new ChainlineException("Cannot create directory " + dir + ": " + e, e);
        }
    }
}

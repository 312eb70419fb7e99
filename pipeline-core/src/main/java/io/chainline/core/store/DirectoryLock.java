package io.chainline.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Mutual exclusion for check-then-act steps of a {@link LocalBlobStore}, across threads and processes: an in-process
 * lock, then an exclusive {@link FileChannel} lock on a lock file in the store root. Held only for a stat and a
 * rename or delete, never while content is copied.
 */
final class DirectoryLock {
    /** A step run while the lock is held. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws IOException;
    }

    private final Path lockFile;
    private final ReentrantLock local = new ReentrantLock();

    DirectoryLock(Path lockFile) {
        this.lockFile = requireNonNull(lockFile, "lockFile is null");
    }

    <T> T call(Step<T> step) throws IOException {
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = lockAcrossInstances(channel);
            try {
                return step.run();
            } finally {
                held.release();
            }
        } finally {
            local.unlock();
        }
    }

    private FileLock lockAcrossInstances(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // Another store instance in this JVM holds the file lock; the JVM refuses to block on it, so wait.
                try {
                    TimeUnit.MILLISECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the store lock " + lockFile, interrupted);
                }
            }
        }
    }
}

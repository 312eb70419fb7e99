package io.chainline.runner.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static java.util.Objects.requireNonNull;

/**
 * The folders under {@code <state-dir>/runs/}, one per service that a command started for itself. Next to each
 * folder, {@code <name>.owner} holds the pid of the process that uses it, so that pruning never removes the data of
 * a service that still runs; the owner file is removed when the command closes the service.
 */
public final class RunFolders {
    static final String OWNER_SUFFIX = ".owner";

    private RunFolders() {}

    /** {@code <state-dir>/runs}; not created by this call. */
    public static Path root(StateDirectory state) {
        return state.root().resolve("runs");
    }

    /**
     * Claims {@code runs/<name>} for the current process: writes its owner file. The folder itself is left to the
     * service to create.
     *
     * @return the folder
     */
    public static Path claim(StateDirectory state, String name) {
        requireNonNull(state, "state is null");
        requireNonNull(name, "name is null");
        Path folder = root(state).resolve(name);
        state.writeAtomically(
                ownerFile(folder), Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
        return folder;
    }

    /** Gives up the claim on {@code folder}: it may be pruned from now on. */
    public static void release(Path folder) {
        try {
            Files.deleteIfExists(ownerFile(folder));
        } catch (IOException e) {
            throw new ChainlineException("Cannot remove " + ownerFile(folder) + ": " + e, e);
        }
    }

    /** Whether a live process claims {@code folder} (a reused pid keeps it a while longer, never the reverse). */
    static boolean inUse(Path folder) {
        OptionalLong owner = owner(ownerFile(folder));
        return owner.isPresent()
                && ProcessHandle.of(owner.getAsLong())
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
    }

    static Path ownerFile(Path folder) {
        return folder.resolveSibling(folder.getFileName() + OWNER_SUFFIX);
    }

    private static OptionalLong owner(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

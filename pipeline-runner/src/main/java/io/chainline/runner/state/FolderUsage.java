package io.chainline.runner.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * How much one folder of the state directory holds, as {@code chainline status} shows it.
 *
 * @param name the folder's name, e.g. {@code runs}
 * @param path the folder
 * @param entries its entries: run folders, or report files ({@code .json} and {@code .html} count apart)
 * @param bytes the bytes of every file under it
 */
public record FolderUsage(String name, Path path, int entries, long bytes) {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    public FolderUsage {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
    }

    /** The usage of {@code root/name}; a missing folder holds nothing. */
    public static FolderUsage of(Path root, String name) {
        Path folder = root.resolve(name);
        if (!Files.isDirectory(folder)) {
            return new FolderUsage(name, folder, 0, 0);
        }
        try (Stream<Path> children = Files.list(folder)) {
            int entries = (int) children.filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().endsWith(RunFolders.OWNER_SUFFIX))
                    .count();
            return new FolderUsage(name, folder, entries, FolderTree.bytes(folder));
        } catch (IOException e) {
            throw new ChainlineException("Cannot measure " + folder + ": " + e, e);
        }
    }

    /** The size for people: {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 2.3 GiB}. */
    public String size() {
        return format(bytes);
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}

package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Turns one CSV input as written by a user into files: a file, a directory (its regular files ending in
 * {@code .csv} in any case, not recursive, sorted by name) or a glob ({@code data/*.csv},
 * {@code data/**}{@code /*.csv}) matched relative to its leading directory, where {@code **}{@code /} also matches
 * no directory at all.
 */
final class CsvPaths {
    private static final String GLOB_CHARACTERS = "*?[{";
    private static final String CSV_SUFFIX = ".csv";

    private final FileSystem fileSystem;

    CsvPaths(FileSystem fileSystem) {
        this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    }

    /**
     * The files {@code input} names, in reading order.
     *
     * @param problems where a problem with the input is added (a missing path, a glob that matches nothing)
     */
    List<Path> resolve(String input, List<String> problems) {
        requireNonNull(input, "input is null");
        int before = problems.size();
        Path path = pathOrNull(input);
        if (path != null && Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (path != null && Files.isDirectory(path)) {
            List<Path> files = list(
                    path,
                    1,
                    file -> file.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(CSV_SUFFIX),
                    input,
                    problems);
            if (files.isEmpty() && problems.size() == before) {
                problems.add("CSV input directory '" + input + "' holds no *.csv file");
            }
            return files;
        }
        if (path != null && Files.exists(path)) {
            problems.add("CSV input '" + input + "' is neither a file nor a directory");
            return List.of();
        }
        if (!isGlob(input)) {
            problems.add("CSV input '" + input + "' does not exist");
            return List.of();
        }
        List<Path> files = glob(input, problems);
        if (files.isEmpty() && problems.size() == before) {
            problems.add("CSV input glob '" + input + "' matches no file");
        }
        return files;
    }

    private List<Path> glob(String input, List<String> problems) {
        String separator = fileSystem.getSeparator();
        String normalized = separator.equals("/") ? input : input.replace(separator, "/");
        List<String> parts = List.of(normalized.split("/", -1));
        int fixed = 0;
        while (fixed < parts.size() - 1 && !isGlob(parts.get(fixed))) {
            fixed++;
        }
        String base = fixed == 1 && parts.get(0).isEmpty() ? "/" : String.join("/", parts.subList(0, fixed));
        String pattern = String.join("/", parts.subList(fixed, parts.size()));
        PathMatcher matcher;
        try {
            matcher = matcher(pattern);
        } catch (PatternSyntaxException e) {
            problems.add("CSV input glob '" + input + "' is not a valid glob: " + e.getDescription());
            return List.of();
        }
        Path baseDir = fileSystem.getPath(base);
        if (!Files.isDirectory(baseDir)) {
            return List.of();
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.size() - fixed;
        return list(baseDir, depth, file -> matcher.matches(baseDir.relativize(file)), input, problems);
    }

    private PathMatcher matcher(String pattern) {
        PathMatcher exact = fileSystem.getPathMatcher("glob:" + pattern);
        if (!pattern.contains("**/") || pattern.contains("{")) {
            return exact;
        }
        // As in shells with globstar, "data/**/*.csv" also matches "data/x.csv".
        PathMatcher zeroDirectories = fileSystem.getPathMatcher("glob:" + pattern.replace("**/", "{**/,}"));
        return file -> exact.matches(file) || zeroDirectories.matches(file);
    }

    private static List<Path> list(Path directory, int depth, PathMatcher filter, String input, List<String> problems) {
        try (Stream<Path> files = Files.walk(directory, depth)) {
            List<Path> matches = new ArrayList<>();
            files.filter(Files::isRegularFile).filter(filter::matches).forEach(matches::add);
            matches.sort(Comparator.comparing(Path::toString));
            return matches;
        } catch (IOException | UncheckedIOException e) {
            problems.add("CSV input '" + input + "' cannot be listed: " + e.getMessage());
            return List.of();
        }
    }

    private Path pathOrNull(String input) {
        try {
            return fileSystem.getPath(input);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean isGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GLOB_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}

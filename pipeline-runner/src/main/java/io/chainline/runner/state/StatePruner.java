package io.chainline.runner.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.state.RetentionSettings.Retention;

import static java.util.Objects.requireNonNull;

/**
 * Prunes {@code <state-dir>/runs/} and {@code <state-dir>/reports/} by count and age ({@link RetentionSettings}):
 * an entry that is not among the {@code keep} newest, or was last modified longer than {@code max-age} ago, is
 * removed, unless a live process still uses it ({@link RunFolders}). A run report is its {@code .json} and
 * {@code .html} together. Every removal is logged; a file that cannot be removed is logged and left, since
 * housekeeping must never fail the command it runs in.
 */
public final class StatePruner {
    private static final Logger log = LoggerFactory.getLogger(StatePruner.class);
    private static final Pattern REPORT = Pattern.compile("run-(.+)\\.(json|html)");

    private final StateDirectory state;
    private final RetentionSettings settings;
    private final Clock clock;

    @Inject
    public StatePruner(StateDirectory state, RetentionSettings settings, Clock clock) {
        this.state = requireNonNull(state, "state is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One prunable thing: a run folder with its owner file, or the files of one run report. */
    private record Entry(String name, List<Path> paths, Instant modified, boolean inUse) {}

    /**
     * Prunes both folders.
     *
     * @return the files and folders removed
     */
    public List<Path> prune() {
        List<Path> removed = new ArrayList<>();
        removed.addAll(prune("runs", runEntries(), settings.runs()));
        removed.addAll(prune("reports", reportEntries(), settings.reports()));
        removeOrphanOwnerFiles();
        return removed;
    }

    private List<Path> prune(String folder, List<Entry> entries, Retention retention) {
        Instant oldest = clock.instant().minus(retention.maxAge());
        List<Entry> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(
                Comparator.comparing(Entry::modified).thenComparing(Entry::name).reversed());
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Entry entry = newestFirst.get(i);
            boolean tooOld = entry.modified().isBefore(oldest);
            if ((i < retention.keep() && !tooOld) || entry.inUse()) {
                continue;
            }
            String reason = tooOld
                    ? "last modified " + entry.modified() + ", more than " + format(retention.maxAge()) + " ago"
                    : "beyond the " + retention.keep() + " newest";
            if (deleteAll(entry.paths())) {
                log.info(
                        "Removed {} {} from {} ({})",
                        folder,
                        entry.name(),
                        state.root().resolve(folder),
                        reason);
                removed.addAll(entry.paths());
            }
        }
        return removed;
    }

    /** A duration as the configuration writes it: {@code 7d}, {@code 12h}, {@code 90s}. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds + "s";
    }

    private List<Entry> runEntries() {
        List<Entry> entries = new ArrayList<>();
        for (Path folder : list(RunFolders.root(state))) {
            if (Files.isDirectory(folder)) {
                entries.add(new Entry(
                        folder.getFileName().toString(),
                        List.of(folder, RunFolders.ownerFile(folder)),
                        modified(folder),
                        RunFolders.inUse(folder)));
            }
        }
        return entries;
    }

    private List<Entry> reportEntries() {
        Map<String, List<Path>> byRun = new TreeMap<>();
        for (Path file : list(state.root().resolve("reports"))) {
            Matcher report = REPORT.matcher(file.getFileName().toString());
            if (report.matches() && Files.isRegularFile(file)) {
                byRun.computeIfAbsent(report.group(1), id -> new ArrayList<>()).add(file);
            }
        }
        List<Entry> entries = new ArrayList<>();
        byRun.forEach((id, files) -> entries.add(new Entry(
                "run-" + id,
                List.copyOf(files),
                files.stream()
                        .map(StatePruner::modified)
                        .max(Comparator.naturalOrder())
                        .orElseThrow(),
                false)));
        return entries;
    }

    /** Owner files whose folder is gone and whose process has ended (a command killed before its service began). */
    private void removeOrphanOwnerFiles() {
        for (Path file : list(RunFolders.root(state))) {
            String name = file.getFileName().toString();
            if (name.endsWith(RunFolders.OWNER_SUFFIX)) {
                Path folder = file.resolveSibling(name.substring(0, name.length() - RunFolders.OWNER_SUFFIX.length()));
                if (!Files.exists(folder) && !RunFolders.inUse(folder)) {
                    deleteAll(List.of(file));
                }
            }
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            log.warn("Cannot list {} to prune it: {}", folder, e.toString());
            return List.of();
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            // Gone or unreadable: it sorts as the newest, so it is not removed on a guess.
            return Instant.MAX;
        }
    }

    private static boolean deleteAll(List<Path> paths) {
        for (Path path : paths) {
            try {
                FolderTree.delete(path);
            } catch (IOException e) {
                log.warn("Cannot remove {} while pruning the state directory: {}", path, e.toString());
                return false;
            }
        }
        return true;
    }
}

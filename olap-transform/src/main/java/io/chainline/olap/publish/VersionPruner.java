package io.chainline.olap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * Removes old versions after a successful publish: a version is every {@code silver/<table>/<runId>/} directory of
 * one run id (tables and rejects, also those a failed run left); all but the newest {@code keep} run ids (run ids
 * sort by time) are removed, never the published one.
 */
public final class VersionPruner {
    private static final Logger log = LoggerFactory.getLogger(VersionPruner.class);

    private final BlobStore store;

    /** A pruner of {@code store}. */
    public VersionPruner(BlobStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Prunes.
     *
     * @param keep how many versions to keep, at least 1
     * @param published the run id of the published version, always kept
     * @return the number of table directories removed
     */
    public int prune(int keep, String published) {
        requireNonNull(published, "published is null");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        Map<String, List<BlobInfo>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        Map<String, Set<String>> tablesByVersion = new TreeMap<>();
        for (BlobInfo blob : store.list(SilverLayout.ROOT)) {
            String[] segments = blob.name().split("/", 4);
            if (segments.length == 4) {
                byVersion
                        .computeIfAbsent(segments[2], version -> new ArrayList<>())
                        .add(blob);
                tablesByVersion
                        .computeIfAbsent(segments[2], version -> new TreeSet<>())
                        .add(segments[1]);
            }
        }
        List<String> newestFirst = new ArrayList<>(byVersion.keySet());
        Set<String> kept = new TreeSet<>(newestFirst.subList(0, Math.min(keep, newestFirst.size())));
        if (!kept.contains(published) && newestFirst.contains(published)) {
            kept.remove(newestFirst.get(Math.min(keep, newestFirst.size()) - 1));
            kept.add(published);
        }
        int removed = 0;
        for (Map.Entry<String, List<BlobInfo>> version : byVersion.entrySet()) {
            if (!kept.contains(version.getKey())) {
                version.getValue().forEach(blob -> store.delete(blob.name()));
                log.info("Removed silver version {} ({})", version.getKey(), tablesByVersion.get(version.getKey()));
                removed += tablesByVersion.get(version.getKey()).size();
            }
        }
        return removed;
    }
}

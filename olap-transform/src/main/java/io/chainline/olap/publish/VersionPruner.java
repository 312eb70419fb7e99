package io.chainline.olap.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * Removes old versions after a successful publish: for every directory under {@code silver/} (each table and the
 * rejects), all but the newest {@code keep} versions by run id (run ids sort by time), never the published one.
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
     * @param keep how many versions of each table to keep, at least 1
     * @param published the run id of the published version, always kept
     * @return the number of table versions removed
     */
    public int prune(int keep, String published) {
        requireNonNull(published, "published is null");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        Map<String, Map<String, List<BlobInfo>>> versions = new TreeMap<>();
        for (BlobInfo blob : store.list(SilverLayout.ROOT)) {
            String[] segments = blob.name().split("/", 4);
            if (segments.length == 4) {
                versions.computeIfAbsent(segments[1], table -> new TreeMap<>())
                        .computeIfAbsent(segments[2], version -> new ArrayList<>()).add(blob);
            }
        }
        int removed = 0;
        for (Map.Entry<String, Map<String, List<BlobInfo>>> table : versions.entrySet()) {
            List<String> newestFirst = new ArrayList<>(table.getValue().keySet());
            newestFirst.sort(Comparator.reverseOrder());
            List<String> kept = new ArrayList<>(newestFirst.subList(0, Math.min(keep, newestFirst.size())));
            if (!kept.contains(published) && newestFirst.contains(published)) {
                kept.set(kept.size() - 1, published);
            }
            for (String version : newestFirst) {
                if (!kept.contains(version)) {
                    table.getValue().get(version).forEach(blob -> store.delete(blob.name()));
                    log.info("Removed silver version {} of {}", version, table.getKey());
                    removed++;
                }
            }
        }
        return removed;
    }
}

package io.chainline.olap.iceberg;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.actions.SparkActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.olap.SilverSettings;

import static java.util.Objects.requireNonNull;

/**
 * Retention after a published build. Per table: the tags of the newest {@code keep-builds} builds stay; an older
 * build's tag is removed only once the build that replaced it has been published for {@code grace-period}, so a
 * reader that still follows the previous pointer keeps its files. Then snapshots no tag or branch needs and older
 * than the grace period are expired, deleting the files only they used; and once per {@code orphan-files-older-than}
 * period, files no snapshot knows (left by builds that died) and older than that are removed.
 */
public final class SilverRetention {
    private static final Logger LOG = LoggerFactory.getLogger(SilverRetention.class);
    private static final String ORPHANS_CLEANED_AT = "chainline.orphan-files-cleaned-at";

    private final SilverCatalog catalog;
    private final SilverSettings settings;
    private final Clock clock;

    /** Retention for the tables of {@code catalog}. */
    public SilverRetention(SilverCatalog catalog, SilverSettings settings, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What one retention pass removed. */
    public record Removed(long tags, long snapshots, long files) {}

    /** Applies retention to {@code tables}. */
    public Removed run(List<String> tables) {
        long now = clock.millis();
        long graceCutoff = now - settings.gracePeriod().toMillis();
        long tags = 0;
        long snapshots = 0;
        AtomicLong files = new AtomicLong();
        for (String name : tables) {
            Table table = catalog.load(name);
            tags += removeOldTags(table, graceCutoff);
            table.refresh();
            long before = count(table.snapshots());
            table.expireSnapshots()
                    .expireOlderThan(graceCutoff)
                    .retainLast(1)
                    .deleteWith(path -> {
                        table.io().deleteFile(path);
                        files.incrementAndGet();
                    })
                    .commit();
            table.refresh();
            snapshots += before - count(table.snapshots());
            files.addAndGet(removeOrphans(table, now));
        }
        LOG.info("Silver retention removed {} build tags, {} snapshots and {} files", tags, snapshots, files.get());
        return new Removed(tags, snapshots, files.get());
    }

    private long removeOldTags(Table table, long graceCutoff) {
        List<Map.Entry<String, SnapshotRef>> builds = table.refs().entrySet().stream()
                .filter(ref -> ref.getValue().isTag()
                        && BuildRefs.buildOfTag(ref.getKey()).isPresent())
                .sorted(Comparator.comparingLong(
                                (Map.Entry<String, SnapshotRef> ref) -> published(table, ref.getValue()))
                        .reversed())
                .toList();
        ManageSnapshots changes = table.manageSnapshots();
        long removed = 0;
        for (int i = settings.keepBuilds(); i < builds.size(); i++) {
            long replacedAt = published(table, builds.get(i - 1).getValue());
            if (replacedAt < graceCutoff) {
                changes.removeTag(builds.get(i).getKey());
                removed++;
            }
        }
        if (removed > 0) {
            changes.commit();
        }
        return removed;
    }

    private static long count(Iterable<?> items) {
        long count = 0;
        for (Object ignored : items) {
            count++;
        }
        return count;
    }

    private static long published(Table table, SnapshotRef ref) {
        return table.snapshot(ref.snapshotId()).timestampMillis();
    }

    private long removeOrphans(Table table, long now) {
        long olderThan = settings.orphanFilesOlderThan().toMillis();
        if (olderThan == 0) {
            return 0;
        }
        String cleanedAt = table.properties().get(ORPHANS_CLEANED_AT);
        // a new table cannot hold a file older than itself that no snapshot knows: its first check is one period on
        if (cleanedAt != null && now - Long.parseLong(cleanedAt) < olderThan) {
            return 0;
        }
        if (cleanedAt == null) {
            table.updateProperties().set(ORPHANS_CLEANED_AT, Long.toString(now)).commit();
            return 0;
        }
        long removed = 0;
        for (String ignored : SparkActions.get(catalog.session())
                .deleteOrphanFiles(table)
                .olderThan(now - olderThan)
                .execute()
                .orphanFileLocations()) {
            removed++;
        }
        table.updateProperties().set(ORPHANS_CLEANED_AT, Long.toString(now)).commit();
        return removed;
    }
}

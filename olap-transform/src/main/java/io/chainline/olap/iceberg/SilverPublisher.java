package io.chainline.olap.iceberg;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.json.Json;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;

import static java.util.Objects.requireNonNull;

/**
 * Publishes a silver build whose tables are written to its branch: first the arbiter table's {@code main} is
 * fast-forwarded to the branch, an optimistic Iceberg commit that only one of two concurrent builds can win (the
 * loser's branch no longer descends from {@code main}); then every other table's {@code main}, the tags
 * {@code build-<id>}, the export pointer, and the removal of the branches. Everything after the arbiter's commit is
 * idempotent, and {@link #settle(List)} at the start of the next build finishes a publish that was interrupted there
 * and removes the branches of builds that died before it.
 */
public final class SilverPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SilverPublisher.class);
    private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() {};

    private final SilverCatalog catalog;
    private final ExportPointer pointer;
    private final PublishListener listener;
    private final Duration abandonedAfter;
    private final Clock clock;

    /**
     * @param abandonedAfter how old the head of a build branch must be before a later build removes it as abandoned
     */
    public SilverPublisher(
            SilverCatalog catalog,
            ExportPointer pointer,
            PublishListener listener,
            Duration abandonedAfter,
            Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.pointer = requireNonNull(pointer, "pointer is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.abandonedAfter = requireNonNull(abandonedAfter, "abandonedAfter is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The snapshot summary that records a build's checks on its arbiter table. */
    public static Map<String, String> checksSummary(List<CheckResult> checks) {
        try {
            return Map.of(BuildRefs.CHECKS, Json.dataMapper().writeValueAsString(checks));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise the checks of a silver build", e);
        }
    }

    /**
     * Publishes build {@code buildId}.
     *
     * @param tables every table of the build, the arbiter first
     * @throws ChainlineException when another build was published since this one's branches were created
     */
    public SilverManifest publish(String buildId, List<String> tables, List<CheckResult> checks) {
        listener.reached(buildId, PublishStep.BRANCHES_WRITTEN);
        String branch = BuildRefs.branch(buildId);
        Table arbiter = catalog.load(tables.get(0));
        if (!fastForward(arbiter, branch)) {
            String winner = buildOf(arbiter.currentSnapshot());
            removeBranches(branch, tables);
            throw new ChainlineException("Silver build " + winner + " was published while build " + buildId
                    + " ran, so nothing of build " + buildId + " was published; run again to build on " + winner);
        }
        listener.reached(buildId, PublishStep.ARBITER_PUBLISHED);
        return finish(buildId, tables, checks);
    }

    /**
     * Finishes the publish of a build that won its arbiter commit but stopped before the end, and removes the
     * branches of builds that died before publishing and are older than {@code abandonedAfter}.
     *
     * @param tables the registered tables, the arbiter first
     * @return the build whose publish was finished, if one was
     */
    public Optional<String> settle(List<String> tables) {
        List<String> existing = tables.stream().filter(catalog::exists).toList();
        if (existing.isEmpty() || !existing.get(0).equals(tables.get(0))) {
            return Optional.empty();
        }
        Optional<String> finished = Optional.empty();
        Table arbiter = catalog.load(existing.get(0));
        long main = arbiter.currentSnapshot() == null
                ? -1
                : arbiter.currentSnapshot().snapshotId();
        for (Map.Entry<String, SnapshotRef> ref : Map.copyOf(arbiter.refs()).entrySet()) {
            Snapshot head = arbiter.snapshot(ref.getValue().snapshotId());
            String build = buildOf(head);
            // a branch just created by a running build also points at main, but at a snapshot of an earlier build
            if (ref.getValue().snapshotId() == main && ref.getKey().equals(BuildRefs.branch(build))) {
                LOG.warn("Finishing the publish of silver build {}, which stopped after it won", build);
                finish(build, existing, checksOf(head));
                finished = Optional.of(build);
            }
        }
        long cutoff = clock.millis() - abandonedAfter.toMillis();
        for (String name : existing) {
            Table table = catalog.load(name);
            long tableMain = table.currentSnapshot() == null
                    ? -1
                    : table.currentSnapshot().snapshotId();
            for (Map.Entry<String, SnapshotRef> ref : Map.copyOf(table.refs()).entrySet()) {
                Snapshot head = table.snapshot(ref.getValue().snapshotId());
                if (BuildRefs.isBranch(ref.getKey())
                        && head.snapshotId() != tableMain
                        && head.timestampMillis() < cutoff) {
                    LOG.warn(
                            "Removing branch {} of silver table {}: its build {} stopped before publishing",
                            ref.getKey(),
                            name,
                            buildOf(head));
                    table.manageSnapshots().removeBranch(ref.getKey()).commit();
                }
            }
        }
        return finished;
    }

    private SilverManifest finish(String buildId, List<String> tables, List<CheckResult> checks) {
        String branch = BuildRefs.branch(buildId);
        String tag = BuildRefs.tag(buildId);
        List<String> published = new ArrayList<>();
        for (String name : tables) {
            Table table = catalog.load(name);
            if (table.refs().containsKey(branch)) {
                if (!fastForward(table, branch)) {
                    throw new ChainlineException("Silver table " + catalog.sparkTable(name) + " was changed outside"
                            + " Chainline while build " + buildId + " was published; its main no longer leads to"
                            + " branch " + branch + ". Remove that change or the branch, then run again");
                }
                if (!table.refs().containsKey(tag)) {
                    table.manageSnapshots()
                            .createTag(tag, table.snapshot(branch).snapshotId())
                            .commit();
                }
            }
            if (table.refs().containsKey(tag)) {
                published.add(name);
            }
        }
        listener.reached(buildId, PublishStep.TABLES_PUBLISHED);
        SilverManifest manifest = pointer.write(buildId, published, clock.instant(), checks);
        listener.reached(buildId, PublishStep.POINTER_WRITTEN);
        removeBranches(branch, tables);
        listener.reached(buildId, PublishStep.FINISHED);
        return manifest;
    }

    /** Fast-forwards {@code main} to {@code branch}; false when {@code main} has moved past the branch's base. */
    private static boolean fastForward(Table table, String branch) {
        table.refresh();
        long head = table.snapshot(branch).snapshotId();
        long main = table.currentSnapshot().snapshotId();
        if (main == head) {
            return true;
        }
        if (!SnapshotUtil.isAncestorOf(table, head, main)) {
            return false;
        }
        try {
            table.manageSnapshots().fastForwardBranch(BuildRefs.MAIN, branch).commit();
            return true;
        } catch (RuntimeException e) {
            table.refresh();
            if (!SnapshotUtil.isAncestorOf(table, head, table.currentSnapshot().snapshotId())) {
                return false;
            }
            throw e;
        }
    }

    /** Removes {@code branch} from every table, the arbiter last, so its branch marks an unfinished publish. */
    private void removeBranches(String branch, List<String> tables) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            Table table = catalog.load(tables.get(i));
            if (table.refs().containsKey(branch)) {
                table.manageSnapshots().removeBranch(branch).commit();
            }
        }
    }

    private static String buildOf(Snapshot snapshot) {
        return snapshot == null ? "(none)" : snapshot.summary().getOrDefault(BuildRefs.BUILD_ID, "(unknown)");
    }

    private static List<CheckResult> checksOf(Snapshot snapshot) {
        String json = snapshot.summary().get(BuildRefs.CHECKS);
        if (json == null) {
            return List.of();
        }
        try {
            return Json.dataMapper().readValue(json, CHECKS);
        } catch (IOException e) {
            LOG.warn("Cannot read the checks recorded in snapshot {}: {}", snapshot.snapshotId(), e.getMessage());
            return List.of();
        }
    }
}

package io.chainline.olap.iceberg;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Iceberg references of a silver build: the branch {@code build_<id>} its tables are written to before they are
 * published, the tag {@code build-<id>} that names each table's snapshot of the build once it is, and the snapshot
 * summary keys that record the build in each snapshot it commits.
 */
public final class BuildRefs {
    /** Snapshot summary key: the build (run id) that wrote the snapshot. */
    public static final String BUILD_ID = "chainline.build-id";
    /** Snapshot summary key on the arbiter table: the build's checks, as JSON. */
    public static final String CHECKS = "chainline.checks";
    /** The branch every reader reads. */
    public static final String MAIN = "main";

    private static final String BRANCH_PREFIX = "build_";
    private static final String TAG_PREFIX = "build-";

    private BuildRefs() {}

    /** The branch build {@code buildId} writes to; Spark identifiers allow no '-', so they become '_'. */
    public static String branch(String buildId) {
        requireNonNull(buildId, "buildId is null");
        return BRANCH_PREFIX + buildId.replace('-', '_');
    }

    /** The tag of build {@code buildId}'s published snapshot. */
    public static String tag(String buildId) {
        requireNonNull(buildId, "buildId is null");
        return TAG_PREFIX + buildId;
    }

    /** Whether {@code ref} is a build branch. */
    public static boolean isBranch(String ref) {
        return ref.startsWith(BRANCH_PREFIX);
    }

    /** The build id of tag {@code ref}, if it is a build tag. */
    public static Optional<String> buildOfTag(String ref) {
        return ref.startsWith(TAG_PREFIX) ? Optional.of(ref.substring(TAG_PREFIX.length())) : Optional.empty();
    }
}

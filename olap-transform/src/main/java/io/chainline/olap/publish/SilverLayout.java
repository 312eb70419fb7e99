package io.chainline.olap.publish;

import java.net.URI;

import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * Object names of the silver layer under a store root: {@code silver/<table>/<runId>/} per table version (plain
 * names, no {@code key=value}, which DuckDB and BigQuery would read as columns), {@code silver/_rejects/<runId>/},
 * the lock {@code silver/_lock} and the manifest {@code silver/_manifest.json}.
 */
public final class SilverLayout {
    /** The prefix of everything silver. */
    public static final String ROOT = "silver/";
    /** The publish lock's object name. */
    public static final String LOCK = "silver/_lock";
    /** The rejects table's name, a directory like a table's but never in the manifest. */
    public static final String REJECTS = "_rejects";

    private SilverLayout() {}

    /**
     * The URI of the directory {@code directory} (ending in '/') in {@code store}; object names may not end in '/',
     * so the URI is made from the name without it.
     */
    public static URI directoryUri(BlobStore store, String directory) {
        requireNonNull(store, "store is null");
        requireNonNull(directory, "directory is null");
        String name = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        String uri = store.uriOf(name).toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    /** The directory (ending in '/') of {@code table}'s version built by {@code runId}. */
    public static String versionDirectory(String table, String runId) {
        requireNonNull(table, "table is null");
        requireNonNull(runId, "runId is null");
        return ROOT + table + "/" + runId + "/";
    }
}

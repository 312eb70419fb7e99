package io.chainline.olap.stage;

import java.net.URI;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * Writes a build's rejected raw rows as Parquet under {@code silver/_rejects/<buildId>/} (one file; rejects are few)
 * and keeps the rejects of the newest builds only. Rejects are a report for people, not a table readers follow.
 */
final class RejectsWriter {
    static final String PREFIX = "silver/_rejects/";

    private final BlobStore store;
    private final String codec;

    RejectsWriter(BlobStore store, String codec) {
        this.store = requireNonNull(store, "store is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    /** Writes {@code rejects} for build {@code buildId}; returns their directory. */
    URI write(Dataset<Row> rejects, String buildId) {
        URI directory = directory(buildId);
        rejects.coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .option("compression", codec)
                .parquet(directory.toString());
        return directory;
    }

    /** Removes the rejects of every build but the newest {@code keep} (build ids sort by time). */
    int prune(int keep) {
        java.util.List<String> builds = store.list(PREFIX).stream()
                .map(BlobInfo::name)
                .map(name -> name.substring(PREFIX.length()))
                .filter(name -> name.indexOf('/') > 0)
                .map(name -> name.substring(0, name.indexOf('/')))
                .distinct()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        int removed = 0;
        for (String old : builds.subList(Math.min(keep, builds.size()), builds.size())) {
            for (BlobInfo blob : store.list(PREFIX + old + "/")) {
                store.delete(blob.name());
            }
            removed++;
        }
        return removed;
    }

    private URI directory(String buildId) {
        String uri = store.uriOf(PREFIX + buildId).toString();
        return URI.create(uri + "/");
    }
}

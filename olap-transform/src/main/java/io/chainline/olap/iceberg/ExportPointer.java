package io.chainline.olap.iceberg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.WriteCondition;

import static java.util.Objects.requireNonNull;

/**
 * {@code silver/_manifest.json}, the export contract, derived from the Iceberg tables: per table the snapshot tagged
 * for a build, its Parquet data files, rows, schema and metadata file. Exporters and Mage blocks read it and need no
 * Iceberg; the data files of a copy-on-write snapshot hold exactly its rows.
 */
public final class ExportPointer {
    private final SilverCatalog catalog;
    private final BlobStore store;

    /** A pointer into {@code store} for the tables of {@code catalog}. */
    public ExportPointer(SilverCatalog catalog, BlobStore store) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.store = requireNonNull(store, "store is null");
    }

    /** The build the pointer names, if one was published. */
    public java.util.Optional<SilverManifest> current() {
        return SilverManifest.read(store);
    }

    /**
     * Rewrites the pointer for build {@code buildId}, whose tables are all tagged.
     *
     * @return the pointer written
     */
    public SilverManifest write(String buildId, List<String> tables, Instant createdAt, List<CheckResult> checks) {
        List<ManifestTable> entries = new ArrayList<>();
        for (String name : tables.stream().sorted().toList()) {
            entries.add(entry(name, buildId));
        }
        SilverManifest manifest =
                new SilverManifest(SilverManifest.FORMAT_VERSION, buildId, createdAt, entries, checks);
        store.write(SilverManifest.OBJECT_NAME, manifest.toJson(), WriteCondition.always());
        return manifest;
    }

    private ManifestTable entry(String name, String buildId) {
        Table table = catalog.load(name);
        Snapshot snapshot = table.snapshot(BuildRefs.tag(buildId));
        if (snapshot == null) {
            throw new ChainlineException("Silver table " + catalog.sparkTable(name) + " has no tag "
                    + BuildRefs.tag(buildId) + "; build " + buildId + " was not published to it");
        }
        List<String> files = new ArrayList<>();
        long rows = 0;
        try (CloseableIterable<FileScanTask> tasks =
                table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                files.add(task.file().location());
                rows += task.file().recordCount();
            }
        } catch (java.io.IOException e) {
            throw new ChainlineException("Cannot list the data files of " + catalog.sparkTable(name), e);
        }
        StructType schema = SparkSchemaUtil.convert(
                snapshot.schemaId() == null ? table.schema() : table.schemas().get(snapshot.schemaId()));
        List<ManifestColumn> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(new ManifestColumn(field.name(), field.dataType().simpleString(), field.nullable()));
        }
        String metadata = ((HasTableOperations) table).operations().current().metadataFileLocation();
        return new ManifestTable(
                name,
                table.location(),
                files.stream().sorted().toList(),
                rows,
                columns,
                List.of(),
                snapshot.snapshotId(),
                metadata);
    }
}

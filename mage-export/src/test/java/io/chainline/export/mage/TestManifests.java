package io.chainline.export.mage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;

/** A small silver manifest of three tables on gs://. */
public final class TestManifests {
    /** The manifest's run id. */
    public static final String RUN_ID = "20261125-120000-ab12";

    private TestManifests() {}

    /** fact_order (partitioned, with decimals), dim_date and dim_product. */
    public static SilverManifest threeTables() {
        return new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                RUN_ID,
                Instant.parse("2026-11-25T12:00:00Z"),
                List.of(
                        table(
                                "fact_order",
                                1200,
                                List.of(
                                        new ManifestColumn("order_item_id", "bigint", false),
                                        new ManifestColumn("sales", "decimal(38,9)", true),
                                        new ManifestColumn("order_date", "timestamp", true)),
                                List.of("order_month")),
                        table("dim_date", 1461, List.of(new ManifestColumn("date_key", "int", false)), List.of()),
                        table(
                                "dim_product",
                                118,
                                List.of(
                                        new ManifestColumn("product_card_id", "bigint", false),
                                        new ManifestColumn("price", "decimal(38,9)", true)),
                                List.of())),
                List.of());
    }

    /**
     * {@code manifest} with every table an Iceberg table at {@code version}: snapshot id {@code version} and the
     * metadata file {@link #metadataLocation(String, String, int)} under {@code root}.
     */
    public static SilverManifest withIcebergMetadata(SilverManifest manifest, String root, int version) {
        return new SilverManifest(
                manifest.formatVersion(),
                manifest.runId(),
                manifest.createdAt(),
                manifest.tables().stream()
                        .map(table -> new ManifestTable(
                                table.name(),
                                table.location(),
                                table.uris(),
                                table.rowCount(),
                                table.columns(),
                                table.partitionColumns(),
                                (long) version,
                                metadataLocation(root, table.name(), version)))
                        .toList(),
                manifest.checks());
    }

    /** The metadata file of {@code table} at {@code version}, named as Iceberg names them. */
    public static String metadataLocation(String root, String table, int version) {
        return String.format(
                Locale.ROOT,
                "%s/%s/metadata/%05d-1b6e0c55-3f9a-4d7e-9a41-%012d.metadata.json",
                root,
                table,
                version,
                version);
    }

    private static ManifestTable table(String name, long rows, List<ManifestColumn> columns, List<String> partitions) {
        String location = "gs://bkt/silver/" + name + "/" + RUN_ID + "/";
        return new ManifestTable(
                name,
                location,
                List.of(location + "part-00000.parquet", location + "part-00001.parquet"),
                rows,
                columns,
                partitions);
    }
}

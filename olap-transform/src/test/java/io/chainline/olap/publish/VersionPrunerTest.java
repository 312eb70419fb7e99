package io.chainline.olap.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.core.store.WriteCondition;

import static org.assertj.core.api.Assertions.assertThat;

class VersionPrunerTest {
    @TempDir
    Path root;

    @Test
    void keepsTheNewestRunsAcrossTablesIncludingWhatAFailedRunLeft() {
        try (BlobStore store = BlobStores.forUri(root.toString(), () -> null)) {
            put(store, "silver/_manifest.json", "silver/_lock");
            put(
                    store,
                    "silver/dim_date/r1/part-0.parquet",
                    "silver/fact_order/r1/order_month_part=2018-01-01/p.parquet",
                    "silver/_rejects/r1/part-0.parquet");
            put(store, "silver/dim_date/r2/part-0.parquet");
            put(
                    store,
                    "silver/dim_date/r3/part-0.parquet",
                    "silver/fact_order/r3/order_month_part=2018-01-01/p.parquet");

            int removed = new VersionPruner(store).prune(2, "r3");

            assertThat(removed).isEqualTo(3);
            assertThat(store.list("silver/"))
                    .extracting(BlobInfo::name)
                    .containsExactly(
                            "silver/_lock",
                            "silver/_manifest.json",
                            "silver/dim_date/r2/part-0.parquet",
                            "silver/dim_date/r3/part-0.parquet",
                            "silver/fact_order/r3/order_month_part=2018-01-01/p.parquet");
        }
    }

    @Test
    void neverRemovesThePublishedVersion() {
        try (BlobStore store = BlobStores.forUri(root.toString(), () -> null)) {
            put(store, "silver/dim_date/r1/a.parquet", "silver/dim_date/r2/a.parquet", "silver/dim_date/r3/a.parquet");

            new VersionPruner(store).prune(1, "r2");

            assertThat(store.list("silver/"))
                    .extracting(BlobInfo::name)
                    .containsExactly("silver/dim_date/r2/a.parquet");
        }
    }

    private static void put(BlobStore store, String... names) {
        for (String name : names) {
            store.write(name, name.getBytes(StandardCharsets.UTF_8), WriteCondition.always());
        }
    }
}

package io.chainline.olap.stage;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestTable;

import static org.assertj.core.api.Assertions.assertThat;

/** Silver tables in an Iceberg REST catalog (a local one answered by Iceberg's own catalog handlers). */
class RestCatalogIT {
    @TempDir
    Path root;

    @Test
    void theBuildIsWrittenPublishedAndRebuiltThroughTheRestCatalog() throws Exception {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        try (IcebergRestCatalog rest = IcebergRestCatalog.start(root)) {
            String[] settings = {"chainline.silver.catalog.type=rest", "chainline.silver.catalog.uri=" + rest.uri()};

            harness.run("20261201-000000-rest", settings);
            int firstBuildCommits = rest.commits();
            harness.run("20261201-000001-rest", settings);

            assertThat(harness.manifest().runId()).isEqualTo("20261201-000001-rest");
            assertThat(harness.manifest().tables())
                    .extracting(ManifestTable::name)
                    .containsExactlyElementsOf(OlapHarness.TABLES);
            assertThat(harness.rows("fact_order")).hasSize(28);
            assertThat(harness.manifest().table("fact_order").orElseThrow().metadataLocation())
                    .contains("/silver/fact_order/metadata/");
            assertThat(firstBuildCommits)
                    .as("each table's branch write, main, tag and branch removal went through the catalog")
                    .isGreaterThanOrEqualTo(4 * OlapHarness.TABLES.size());
            assertThat(rest.commits())
                    .as("the second build committed through the catalog")
                    .isGreaterThan(firstBuildCommits);
            assertThat(harness.build("fact_order", "20261201-000000-rest"))
                    .as("the first build, read by its tag through the REST catalog")
                    .isEqualTo(harness.rows("fact_order"));
        }
    }
}

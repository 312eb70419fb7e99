package io.chainline.olap.stage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.embedded.postgres.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** Silver tables in a jdbc catalog on a real PostgreSQL server, as for a gs:// store. */
class JdbcCatalogIT {
    @TempDir
    static Path folder;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgres.start(folder.resolve("postgres"));
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void theCatalogDatabaseHoldsThePointersOfTheEightTablesAndTheBuildIsPublished() throws SQLException {
        Path root = folder.resolve("store");
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);

        harness.run(
                "20261201-000000-jdbc",
                "chainline.silver.catalog.type=jdbc",
                "chainline.postgres.url=" + postgres.jdbcUrl(),
                "chainline.postgres.user=" + postgres.user());

        assertThat(harness.manifest().runId()).isEqualTo("20261201-000000-jdbc");
        assertThat(harness.rows("fact_order")).hasSize(28);
        assertThat(harness.manifest().table("fact_order").orElseThrow().metadataLocation())
                .startsWith(root.resolve("silver/fact_order/metadata")
                        .toUri()
                        .toString()
                        .replace("file:///", "file:/"));
        assertThat(root.resolve("silver/fact_order/metadata/version-hint.text"))
                .as("no hadoop catalog files")
                .doesNotExist();
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_namespace || '.' || table_name FROM iceberg_tables ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables)
                .containsExactly(
                        "silver.dim_customer",
                        "silver.dim_date",
                        "silver.dim_department",
                        "silver.dim_location",
                        "silver.dim_metadata",
                        "silver.dim_product",
                        "silver.dim_shipping",
                        "silver.fact_order");
    }
}

package io.chainline.export.duckdb;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseQueryTest {

    @TempDir
    Path dir;

    private Path warehouseWithOrders() throws SQLException {
        Path file = dir.resolve("w/warehouse.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.readWrite(file);
                Statement statement = warehouse.connection().createStatement()) {
            statement.execute("CREATE TABLE orders AS SELECT * FROM VALUES (1, 'Caguas'), (2, NULL), (3, 'Chicago')"
                    + " AS t(id, city)");
        }
        return file;
    }

    @Test
    void readsColumnsAndRowsWithNullsUpToTheLimit() throws SQLException {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.readOnly(warehouseWithOrders())) {
            QueryResult all = new WarehouseQuery(warehouse).run("SELECT id, city FROM orders ORDER BY id", 10);
            QueryResult two = new WarehouseQuery(warehouse).run("SELECT id FROM orders ORDER BY id", 2);

            assertThat(all.columns()).containsExactly("id", "city");
            assertThat(all.rows())
                    .containsExactly(List.of(1, "Caguas"), java.util.Arrays.asList(2, null), List.of(3, "Chicago"));
            assertThat(all.truncated()).isFalse();
            assertThat(two.rows()).containsExactly(List.of(1), List.of(2));
            assertThat(two.truncated()).isTrue();
        }
    }

    @Test
    void aBadQueryIsNamedWithDuckDbsReason() throws SQLException {
        Path file = warehouseWithOrders();
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.readOnly(file)) {
            assertThatThrownBy(() -> new WarehouseQuery(warehouse).run("SELECT * FROM shipments", 10))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessageStartingWith("The query failed on the local warehouse " + file + ": Catalog Error:")
                    .hasMessageContaining("shipments");
            assertThatThrownBy(() -> new WarehouseQuery(warehouse).run("DROP TABLE orders", 10))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void aMissingWarehouseSaysHowToFillIt() throws SQLException {
        Path missing = dir.resolve("none.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.readOnly(missing)) {
            assertThatThrownBy(() -> new WarehouseQuery(warehouse).run("SELECT 1", 10))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessage("The local warehouse " + missing + " does not exist yet: load it with"
                            + " chainline gcs-to-bigquery-pipeline --mode local");
        }
    }
}

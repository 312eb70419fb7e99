package io.chainline.ingest.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRecordSourceIT {
    private static final String READER_PASSWORD = "reader-Pw-7731";
    private static final List<Map<String, String>> SAMPLE = SampleTables.rows();
    /** The table rows: the 50 sample rows with the smallest Order Item Ids. */
    private static final List<Map<String, String>> ROWS = SAMPLE.subList(0, 50);

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        // The reader authenticates with a password over TCP; the setup user stays trusted.
        postgres = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dataDirectory -> {
                    try {
                        Files.writeString(
                                dataDirectory.toPath().resolve("pg_hba.conf"),
                                String.join(
                                        "\n",
                                        "local all all trust",
                                        "host all postgres 127.0.0.1/32 trust",
                                        "host all postgres ::1/128 trust",
                                        "host all all 127.0.0.1/32 scram-sha-256",
                                        "host all all ::1/128 scram-sha-256",
                                        ""),
                                StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE reader LOGIN PASSWORD '" + READER_PASSWORD + "'");
            SampleTables.create(connection, "orders", "bigint", "");
            SampleTables.insert(connection, "orders", ROWS);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void readsEveryRowAsTheSourceFileSpellsIt() {
        SourceInput input = input("chainline.ingest.jdbc.table=orders");

        List<SourceRow> rows = readAll(input, null);

        assertThat(input.key()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres|orders");
        assertThat(rows)
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(
                        ROWS.stream().map(SampleTables::expected).toList());
        SourceRow first = rows.get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.problem()).isNull();
        assertThat(first.position()).isEqualTo("{\"cursor\":\"50842\",\"keys\":[\"50842\"]}");
        assertThat(first.values().keySet()).containsExactlyElementsOf(DataCoColumn.headers());
        assertThat(first.raw())
                .isEqualTo(String.join(",", SampleTables.expected(ROWS.get(0)).values()));
        assertThat(rows.get(49).line()).isEqualTo(50);
    }

    @Test
    void typedValuesAreWrittenAsInTheFile() {
        List<SourceRow> rows = readAll(input("chainline.ingest.jdbc.table=orders"), null);

        assertThat(rows.get(0).values())
                .containsEntry("Order Item Id", "50842")
                .containsEntry("order date (DateOrders)", "10/25/2015 6:24")
                .containsEntry("Sales per customer", "82")
                .containsEntry("Benefit per order", "6.150000095")
                .containsEntry("Order State", "Rajastán")
                .containsEntry("Order Zipcode", "");
        assertThat(rows.get(1).values())
                .containsEntry("Order Item Id", "71956")
                .containsEntry("order date (DateOrders)", "2/24/2016 13:57")
                .containsEntry("shipping date (DateOrders)", "2/29/2016 13:57")
                .containsEntry("Benefit per order", "-30.75")
                .containsEntry("Order Item Discount Rate", "0.039999999")
                .containsEntry("Latitude", "18.38011932")
                .containsEntry("Longitude", "-66.18312836")
                .containsEntry("Days for shipping (real)", "5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bigint", "integer", "numeric"})
    void resumesRightAfterTheCommittedPosition(String idType) throws SQLException {
        String table = "orders_" + idType;
        try (Connection connection = admin()) {
            SampleTables.create(connection, table, idType, "");
            SampleTables.insert(connection, table, ROWS);
        }
        SourceInput input = input("chainline.ingest.jdbc.table=" + table);
        String positionOfRow20 = readAll(input, null).get(19).position();

        List<SourceRow> rest = readAll(input, positionOfRow20);

        assertThat(JdbcPosition.parse(positionOfRow20).cursor())
                .isEqualTo(ROWS.get(19).get("Order Item Id"));
        assertThat(rest)
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(ROWS.subList(20, 50).stream()
                        .map(SampleTables::expected)
                        .toList());
    }

    @Test
    void readsOnlyTheRowsAddedSinceTheLastPosition() throws SQLException {
        try (Connection connection = admin()) {
            SampleTables.create(connection, "orders_growing", "bigint", "");
            SampleTables.insert(connection, "orders_growing", ROWS);
        }
        SourceInput input = input("chainline.ingest.jdbc.table=orders_growing");
        List<SourceRow> firstRun = readAll(input, null);
        String last = firstRun.get(firstRun.size() - 1).position();
        assertThat(readAll(input, last)).isEmpty();

        try (Connection connection = admin()) {
            SampleTables.insert(connection, "orders_growing", SAMPLE.subList(50, 55));
        }

        assertThat(readAll(input, last))
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(SAMPLE.subList(50, 55).stream()
                        .map(SampleTables::expected)
                        .toList());
    }

    @Test
    void aQueryWithRenamedColumnsIsReadThroughTheColumnMapping() throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders_renamed AS SELECT * FROM orders");
            statement.execute("ALTER TABLE orders_renamed RENAME COLUMN order_item_id TO item_id");
            statement.execute("ALTER TABLE orders_renamed RENAME COLUMN order_date TO ordered_at");
            statement.execute("GRANT SELECT ON orders_renamed TO reader");
        }
        SourceInput input = input(
                "chainline.ingest.jdbc.query=SELECT r.*, 'ignored' AS note FROM orders_renamed r",
                "chainline.ingest.jdbc.cursor-column=item_id",
                "chainline.ingest.jdbc.column-mapping={\"Order Item Id\" = item_id,"
                        + " \"order date (DateOrders)\" = ORDERED_AT}");

        List<SourceRow> rows = readAll(input, null);

        assertThat(input.key()).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/postgres\\|query:[0-9a-f]{16}");
        assertThat(rows)
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(
                        ROWS.stream().map(SampleTables::expected).toList());
        assertThat(readAll(input, rows.get(44).position()))
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(ROWS.subList(45, 50).stream()
                        .map(SampleTables::expected)
                        .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "timestamptz"})
    void aTimestampCursorKeepsItsInstantInUtc(String type) throws SQLException {
        String table = "orders_by_" + type;
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            SampleTables.create(connection, table, "bigint", ", updated_at " + type);
            SampleTables.insert(connection, table, ROWS);
            // Row n (in Order Item Id order) is updated at 2024-03-01 00:00 UTC + n * 61.123456 s.
            statement.execute("UPDATE " + table + " t SET updated_at = " + type + " '2024-03-01 00:00:00+00'"
                    + " + r.n * INTERVAL '61.123456 seconds' FROM (SELECT order_item_id,"
                    + " row_number() OVER (ORDER BY order_item_id) AS n FROM " + table + ") r"
                    + " WHERE r.order_item_id = t.order_item_id");
        }
        SourceInput input =
                input("chainline.ingest.jdbc.table=" + table, "chainline.ingest.jdbc.cursor-column=updated_at");
        List<SourceRow> rows = readAll(input, null);

        List<SourceRow> rest = readAll(input, rows.get(9).position());

        assertThat(JdbcPosition.parse(rows.get(0).position()).cursor()).isEqualTo("2024-03-01T00:01:01.123456Z");
        assertThat(JdbcPosition.parse(rows.get(9).position()).cursor()).isEqualTo("2024-03-01T00:10:11.234560Z");
        assertThat(rest)
                .extracting(SourceRow::values)
                .containsExactlyElementsOf(ROWS.subList(10, 50).stream()
                        .map(SampleTables::expected)
                        .toList());
    }

    @Test
    void missingHeaderColumnsAreAllListed() throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders_lacking AS SELECT * FROM orders");
            statement.execute("ALTER TABLE orders_lacking DROP COLUMN market, DROP COLUMN product_image");
            statement.execute("GRANT SELECT ON orders_lacking TO reader");
        }
        SourceInput input = input("chainline.ingest.jdbc.table=orders_lacking");

        assertThatThrownBy(() -> input.open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessageContaining("table orders_lacking lacks columns for 2 DataCo header(s)"
                        + " [Market (or market), Product Image (or product_image)]");
    }

    @Test
    void rowsTiedWithTheCommittedCursorValueAreNeitherLostNorReadTwice() throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            SampleTables.create(connection, "orders_tied", "bigint", ", batch integer");
            SampleTables.insert(connection, "orders_tied", ROWS);
            // Five batches of ten rows: every cursor value is shared by ten rows.
            statement.execute("UPDATE orders_tied t SET batch = n.rn / 10 FROM (SELECT order_item_id,"
                    + " row_number() OVER (ORDER BY order_item_id) - 1 AS rn FROM orders_tied) n"
                    + " WHERE t.order_item_id = n.order_item_id");
        }
        SourceInput input =
                input("chainline.ingest.jdbc.table=orders_tied", "chainline.ingest.jdbc.cursor-column=batch");
        List<SourceRow> all = readAll(input, null);
        // A commit after the 15th row: half of batch 1 is sent.
        String midTie = all.get(14).position();

        List<SourceRow> rest = readAll(input, midTie);

        assertThat(all).hasSize(50);
        assertThat(JdbcPosition.parse(midTie).cursor()).isEqualTo("1");
        assertThat(JdbcPosition.parse(midTie).keys()).hasSize(5);
        assertThat(ids(rest)).hasSize(35).doesNotContainAnyElementsOf(ids(all.subList(0, 15)));
        assertThat(ids(all.subList(0, 15))).hasSize(15);
        assertThat(input.describePosition(midTie)).isEqualTo("cursor value 1 (5 rows of it sent)");
        assertThat(readAll(input, "1"))
                .as("a plain cursor value of an earlier version")
                .hasSize(40);

        String last = rest.get(rest.size() - 1).position();
        assertThat(readAll(input, last)).isEmpty();
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            SampleTables.insert(connection, "orders_tied", SAMPLE.subList(50, 51));
            statement.execute("UPDATE orders_tied SET batch = 4 WHERE batch IS NULL");
        }

        assertThat(ids(readAll(input, last)))
                .as("a row added later with the last cursor value")
                .containsExactly(SAMPLE.get(50).get("Order Item Id"));
    }

    private static List<String> ids(List<SourceRow> rows) {
        return rows.stream()
                .map(row -> row.values().get("Order Item Id"))
                .distinct()
                .toList();
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        SourceInput input = input("chainline.ingest.jdbc.table=orders", "chainline.ingest.jdbc.password=Wrong-Pw-4411");

        assertThatThrownBy(() -> input.open(null))
                .isInstanceOf(ChainlineException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageStartingWith("Connecting to jdbc:postgresql://")
                .hasMessageContaining("SQLState 28P01")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wrong-Pw-4411", READER_PASSWORD))
                .hasCauseInstanceOf(SQLException.class);
    }

    private static SourceInput input(String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "chainline.ingest.jdbc.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "chainline.ingest.jdbc.user=reader",
                "chainline.ingest.jdbc.password=" + READER_PASSWORD,
                "chainline.ingest.jdbc.fetch-size=7"));
        all.addAll(List.of(overrides));
        JdbcSourceSettings settings = JdbcSourceSettings.from(TestConfigs.load(all.toArray(String[]::new)));
        List<SourceInput> inputs = new JdbcRecordSource(settings).inputs(IngestRequest.jdbcStore());
        assertThat(inputs).hasSize(1);
        return inputs.get(0);
    }

    private static List<SourceRow> readAll(SourceInput input, String position) {
        try (SourceReader reader = input.open(position)) {
            return Stream.iterate(reader.next(), row -> row != null, row -> reader.next())
                    .toList();
        }
    }

    private static Connection admin() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }
}

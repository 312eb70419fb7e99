package io.chainline.ingest.produce;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.json.Json;
import io.chainline.core.stage.RunReport;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.topic.IngestTopics;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC offline store through the stream-data stage: incremental runs and kills, on real PostgreSQL and Kafka. */
class JdbcIngestIT {
    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();

    @TempDir
    Path dir;

    /** A table with the DataCo columns in snake_case, all text but the bigint cursor. */
    private static void createTable(String table) throws SQLException {
        createTable(services.postgres().jdbcUrl(), table);
    }

    private static void createTable(String url, String table) throws SQLException {
        String columns = DataCoColumn.inFileOrder().stream()
                .map(c -> c.snakeName() + (c == DataCoColumn.ORDER_ITEM_ID ? " bigint primary key" : " text"))
                .collect(Collectors.joining(", "));
        try (Connection connection =
                        DriverManager.getConnection(url, services.postgres().user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (" + columns + ")");
        }
    }

    private static void insert(String table, long from, long count) throws SQLException {
        insert(services.postgres().jdbcUrl(), table, from, count);
    }

    private static void insert(String url, String table, long from, long count) throws SQLException {
        String placeholders = DataCoColumn.inFileOrder().stream().map(c -> "?").collect(Collectors.joining(","));
        try (Connection connection =
                        DriverManager.getConnection(url, services.postgres().user(), "");
                PreparedStatement insert =
                        connection.prepareStatement("insert into " + table + " values (" + placeholders + ")")) {
            Iterator<GeneratedRow> rows = new DataCoGenerator(11).rows(from, count);
            while (rows.hasNext()) {
                GeneratedRow row = rows.next();
                for (DataCoColumn column : DataCoColumn.inFileOrder()) {
                    String value = row.get(column);
                    if (column == DataCoColumn.ORDER_ITEM_ID) {
                        insert.setLong(column.ordinal() + 1, Long.parseLong(value));
                    } else {
                        insert.setString(column.ordinal() + 1, value);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private IngestHarness harness(String prefix, String table) {
        return harness(prefix, services.postgres().jdbcUrl(), table);
    }

    private IngestHarness harness(String prefix, String url, String table) {
        return new IngestHarness(
                services.bootstrapServers(),
                dir.resolve("state"),
                prefix,
                "chainline.ingest.jdbc.url=" + url,
                "chainline.ingest.jdbc.user=" + services.postgres().user(),
                "chainline.ingest.jdbc.table=" + table,
                "chainline.ingest.jdbc.cursor-column=order_item_id");
    }

    @Test
    void aSecondRunSendsOnlyTheRowsAddedSinceTheFirst() throws SQLException {
        createTable("orders_incremental");
        insert("orders_incremental", 0, 300);
        IngestHarness harness = harness("jdbc-incremental", "orders_incremental");

        RunReport first = harness.ingest(IngestRequest.jdbcStore());
        insert("orders_incremental", 300, 50);
        RunReport second = harness.ingest(IngestRequest.jdbcStore());
        RunReport third = harness.ingest(IngestRequest.jdbcStore());

        assertThat(first.stages().get(0).rowsOut()).isEqualTo(300);
        assertThat(second.stages().get(0).rowsOut()).isEqualTo(50);
        assertThat(second.stages().get(0).parts().get(0).note())
                .isEqualTo("resumed after cursor value 300 (1 row of it sent)");
        assertThat(third.stages().get(0).rowsIn()).isZero();
        IngestKillIT.assertExactlyOnce(harness, 350);
        assertThat(harness.read(harness.topic()))
                .anySatisfy(r -> assertThat(r.value()).contains("\"Order Item Id\":\"350\""));
    }

    @Test
    void theSameTableInAnotherDatabaseIsReadFromItsStart() throws SQLException {
        services.postgres().createDatabaseIfMissing("archive");
        String archive = services.postgres().jdbcUrl("archive");
        createTable("orders_switch");
        insert("orders_switch", 1_000, 300);
        createTable(archive, "orders_switch");
        insert(archive, "orders_switch", 0, 200);

        RunReport first = harness("jdbc-switch", "orders_switch").ingest(IngestRequest.jdbcStore());
        RunReport switched = harness("jdbc-switch", archive, "orders_switch").ingest(IngestRequest.jdbcStore());

        assertThat(first.stages().get(0).rowsOut()).isEqualTo(300);
        assertThat(switched.stages().get(0).rowsOut())
                .as("the archive's rows, whose ids are below the first database's position")
                .isEqualTo(200);
        IngestKillIT.assertExactlyOnce(harness("jdbc-switch", "orders_switch"), 500);
    }

    @Test
    void rowsAddedLaterWithTheLastCursorValueAreSentOnce() throws SQLException {
        createTable("orders_ties");
        insert("orders_ties", 0, 300);
        try (Connection connection = DriverManager.getConnection(
                        services.postgres().jdbcUrl(), services.postgres().user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("alter table orders_ties add column batch bigint");
            statement.execute("update orders_ties set batch = 7");
        }
        IngestHarness harness = new IngestHarness(
                services.bootstrapServers(),
                dir.resolve("state"),
                "jdbc-ties",
                "chainline.ingest.jdbc.url=" + services.postgres().jdbcUrl(),
                "chainline.ingest.jdbc.user=" + services.postgres().user(),
                "chainline.ingest.jdbc.table=orders_ties",
                "chainline.ingest.jdbc.cursor-column=batch");

        RunReport first = harness.ingest(IngestRequest.jdbcStore());
        insert("orders_ties", 300, 20);
        try (Connection connection = DriverManager.getConnection(
                        services.postgres().jdbcUrl(), services.postgres().user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("update orders_ties set batch = 7 where order_item_id < 310 and batch is null");
            statement.execute("update orders_ties set batch = 8 where batch is null");
        }
        RunReport second = harness.ingest(IngestRequest.jdbcStore());

        assertThat(first.stages().get(0).rowsOut()).isEqualTo(300);
        assertThat(second.stages().get(0).rowsOut()).isEqualTo(20);
        IngestKillIT.assertExactlyOnce(harness, 320);
    }

    @Test
    void aPositionOfAnEarlierVersionIsTakenOverAndItsCursorValueIsSentAgainRatherThanLost() throws Exception {
        createTable("orders_legacy");
        insert("orders_legacy", 0, 300);
        IngestHarness harness = harness("jdbc-legacy", "orders_legacy");
        IngestSettings settings = IngestSettings.from(harness.config());
        Properties client = new Properties();
        client.put("bootstrap.servers", services.bootstrapServers());
        IngestTopics.ensure(client, settings, Duration.ofSeconds(60));
        PositionRecord legacy = new PositionRecord(
                "jdbc:orders_legacy", "orders_legacy", "200", false, 200, 200, 0, "earlier-run", Instant.EPOCH);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            settings.positionsTopic(),
                            legacy.key(),
                            Json.dataMapper().writeValueAsBytes(legacy)))
                    .get(60, TimeUnit.SECONDS);
        }

        RunReport report = harness.ingest(IngestRequest.jdbcStore());

        assertThat(report.stages().get(0).rowsOut()).as("ids 200 to 300").isEqualTo(101);
        assertThat(report.stages().get(0).parts().get(0).note()).isEqualTo("resumed after cursor value 200");
        assertThat(harness.ingest(IngestRequest.jdbcStore()).stages().get(0).rowsIn())
                .as("the next run resumes under the new key")
                .isZero();
    }

    @Test
    void aJdbcIngestKilledThreeTimesDeliversEveryRowExactlyOnce() throws Exception {
        createTable("orders_kill");
        insert("orders_kill", 0, 5_000);
        List<String> source = List.of("jdbc", services.postgres().jdbcUrl(), "orders_kill", "order_item_id");

        String bootstrap = services.bootstrapServers();
        Path state = dir.resolve("state");
        String first = ChildIngest.run(bootstrap, state, "kill-jdbc", 1_500, source, ChildIngest.whenPaused());
        String second = ChildIngest.run(bootstrap, state, "kill-jdbc", 1_000, source, ChildIngest.whenPaused());
        String third = ChildIngest.run(bootstrap, state, "kill-jdbc", -1, source, ChildIngest.whenRunning());
        String last = ChildIngest.run(bootstrap, state, "kill-jdbc", -1, source, ChildIngest.never());

        assertThat(first).contains("PAUSED 1500");
        assertThat(second).contains("PAUSED 1000");
        assertThat(third).doesNotContain("DONE");
        assertThat(last).containsPattern("DONE \\d+ \\d+ 0 SUCCEEDED");
        IngestKillIT.assertExactlyOnce(harness("kill-jdbc", "orders_kill"), 5_000);
    }
}

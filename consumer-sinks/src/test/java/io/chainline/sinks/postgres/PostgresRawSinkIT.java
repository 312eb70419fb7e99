package io.chainline.sinks.postgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.raw.OffsetRange;
import io.chainline.core.raw.TopicOffsets;
import io.chainline.embedded.postgres.EmbeddedPostgres;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;
import io.chainline.sinks.spi.SinkStats;
import io.chainline.testkit.Await;

import static io.chainline.sinks.postgres.BronzeRecords.TOPIC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresRawSinkIT {
    private static final String SCHEMA = "bronze_test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RawRecord> RECORDS = BronzeRecords.generate(900, 3, TOPIC_ID);

    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;

    private final AtomicInteger opened = new AtomicInteger();

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgres.start(dir.resolve("postgres"));
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void createsSchemaAndTableAndStoresEveryRecordWithItsCoordinatesAndValue() throws Exception {
        PostgresSinkSettings settings = new PostgresSinkSettings(SCHEMA, "stored");
        try (PostgresRawSink sink = sink(settings, "stored")) {
            sink.assigned(BronzeRecords.TOPIC, TOPIC_ID.toString(), List.of(0, 1, 2));
            BronzeRecords.batches(RECORDS, 250).forEach(sink::write);

            assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 299L, 1, 299L, 2, 299L));
            SinkStats stats = sink.stats();
            assertThat(stats.rows()).isEqualTo(900);
            assertThat(stats.skipped()).isZero();
            assertThat(stats.files()).isZero();
            assertThat(stats.bytes())
                    .isGreaterThan(
                            RECORDS.stream().mapToLong(r -> r.value().length).sum());
            assertThat(stats.busyNanos()).isPositive();
        }

        assertThat(columnTypes("stored"))
                .containsExactly(
                        Map.entry("topic_id", "uuid"),
                        Map.entry("partition", "integer"),
                        Map.entry("offset", "bigint"),
                        Map.entry("topic", "text"),
                        Map.entry("kafka_key", "text"),
                        Map.entry("kafka_time", "timestamp with time zone"),
                        Map.entry("ingested_at", "timestamp with time zone"),
                        Map.entry("payload", "jsonb"));
        assertThat(queryLong("SELECT count(*) FROM bronze_test.stored")).isEqualTo(900);
        assertThat(queryLong("SELECT count(DISTINCT (partition, \"offset\")) FROM bronze_test.stored"))
                .isEqualTo(900);
        assertThat(queryLong("SELECT count(*) FROM bronze_test.stored WHERE ingested_at IS NULL"))
                .isZero();
        assertStoredAsProduced("stored", RECORDS);
    }

    @Test
    void theRowCounterCountsByCoordinatesWithinTheRanges() throws SQLException {
        PostgresSinkSettings settings = new PostgresSinkSettings(SCHEMA, "counted");
        BronzeRowCounter counter = new BronzeRowCounter(settings);
        TopicOffsets everything = new TopicOffsets(
                BronzeRecords.TOPIC,
                TOPIC_ID.toString(),
                List.of(
                        new OffsetRange(0, 0, 299, 300),
                        new OffsetRange(1, 0, 299, 300),
                        new OffsetRange(2, 0, 299, 300)));
        try (Connection connection = admin()) {
            assertThat(counter.count(connection, everything))
                    .as("before the table exists")
                    .isZero();
        }
        try (PostgresRawSink sink = sink(settings, "counted")) {
            sink.assigned(BronzeRecords.TOPIC, TOPIC_ID.toString(), List.of(0, 1, 2));
            BronzeRecords.batches(RECORDS, 250).forEach(sink::write);
        }

        try (Connection connection = admin()) {
            assertThat(counter.count(connection, everything)).isEqualTo(900);
            assertThat(counter.count(
                            connection,
                            new TopicOffsets(
                                    BronzeRecords.TOPIC,
                                    TOPIC_ID.toString(),
                                    List.of(new OffsetRange(1, 100, 149, 50), new OffsetRange(2, 290, 310, 10)))))
                    .isEqualTo(60);
            assertThat(counter.count(
                            connection,
                            new TopicOffsets(
                                    BronzeRecords.TOPIC,
                                    Uuid.randomUuid().toString(),
                                    List.of(new OffsetRange(0, 0, 299, 300)))))
                    .isZero();
        }
    }

    @Test
    void accentedValuesComeBackAsProduced() throws SQLException {
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "accents"), "accents")) {
            sink.write(BronzeRecords.batch(RECORDS));
        }
        long mexico = RECORDS.stream()
                .filter(r -> "México".equals(r.data().get("Order Country")))
                .count();
        long accentedCities = RECORDS.stream()
                .map(r -> r.data().get("Order City"))
                .filter(city ->
                        !city.equals(new String(city.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)))
                .count();

        assertThat(mexico).isPositive();
        assertThat(accentedCities).isPositive();
        assertThat(queryLong("SELECT count(*) FROM bronze_test.accents WHERE payload->>'Order Country' = 'México'"))
                .isEqualTo(mexico);
        assertThat(queryLong(
                        "SELECT count(*) FROM bronze_test.accents WHERE payload->>'Order City' ~ '[^\\x01-\\x7e]'"))
                .isEqualTo(accentedCities);
    }

    @Test
    void aReplayedBatchInsertsNothingAndCountsItsRecordsAsSkipped() throws Exception {
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "replayed"), "replayed")) {
            RawBatch first = BronzeRecords.batch(RECORDS.subList(0, 300));
            sink.write(first);
            sink.write(first);
            sink.write(BronzeRecords.batch(RECORDS.subList(150, 450)));

            assertThat(sink.stats().rows()).isEqualTo(450);
            assertThat(sink.stats().skipped()).isEqualTo(450);
            assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 149L, 1, 149L, 2, 149L));
        }

        assertThat(queryLong("SELECT count(*) FROM bronze_test.replayed")).isEqualTo(450);
        assertStoredAsProduced("replayed", RECORDS.subList(0, 450));
    }

    @Test
    void aBatchWithoutRecordsAdvancesDurableOffsetsWithoutConnecting() {
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "poison_only"), "poison")) {
            sink.write(new RawBatch(List.of(), Map.of(1, 41L)));
            sink.write(new RawBatch(List.of(), Map.of(1, 12L, 2, 5L)));

            assertThat(sink.durableUpTo()).isEqualTo(Map.of(1, 41L, 2, 5L));
            assertThat(opened).hasValue(0);

            sink.revoked(List.of(1));

            assertThat(sink.durableUpTo()).isEqualTo(Map.of(2, 5L));
        }
    }

    @Test
    void anotherTopicIdWithTheSameOffsetsIsAnotherRow() throws SQLException {
        Uuid recreated = new Uuid(0x5eedL, 0x2L);
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "incarnations"), "incarnations")) {
            sink.write(BronzeRecords.batch(RECORDS.subList(0, 30)));
            sink.write(BronzeRecords.batch(BronzeRecords.generate(30, 3, recreated)));

            assertThat(sink.stats().rows()).isEqualTo(60);
        }

        assertThat(queryLong("SELECT count(*) FROM bronze_test.incarnations")).isEqualTo(60);
        assertThat(queryLong("SELECT count(*) FROM bronze_test.incarnations WHERE topic_id = '"
                        + BronzeRowEncoder.toUuid(recreated.toString(), "t") + "'"))
                .isEqualTo(30);
    }

    @Test
    void sinksStartingTogetherShareOneTable() throws Exception {
        PostgresSinkSettings settings = new PostgresSinkSettings("bronze_shared", "shared");
        List<PostgresRawSink> sinks = List.of(sink(settings, "c0"), sink(settings, "c1"), sink(settings, "c2"));
        ExecutorService pool = Executors.newFixedThreadPool(sinks.size());
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int p = 0; p < sinks.size(); p++) {
                int partition = p;
                List<RawRecord> own = RECORDS.stream()
                        .filter(r -> r.coordinates().partition() == partition)
                        .toList();
                PostgresRawSink sink = sinks.get(p);
                writes.add(pool.submit(() -> {
                    sink.assigned(BronzeRecords.TOPIC, TOPIC_ID.toString(), List.of(partition));
                    BronzeRecords.batches(own, 70).forEach(sink::write);
                }));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            // A consumer that took over partition 0 re-delivers what the first one stored.
            sinks.get(1)
                    .write(BronzeRecords.batch(RECORDS.stream()
                            .filter(r -> r.coordinates().partition() == 0)
                            .limit(20)
                            .toList()));

            assertThat(sinks).extracting(sink -> sink.stats().rows()).containsExactly(300L, 300L, 300L);
            assertThat(sinks).extracting(sink -> sink.stats().skipped()).containsExactly(0L, 20L, 0L);
        } finally {
            pool.shutdownNow();
            sinks.forEach(PostgresRawSink::close);
        }

        assertThat(queryLong("SELECT count(*) FROM bronze_shared.shared")).isEqualTo(900);
    }

    @Test
    void reservedWordsAsNamesWorkBecauseNamesAreQuoted() throws SQLException {
        try (PostgresRawSink sink = sink(new PostgresSinkSettings("user", "order"), "quoted")) {
            sink.write(BronzeRecords.batch(RECORDS.subList(0, 10)));
        }

        assertThat(queryLong("SELECT count(*) FROM \"user\".\"order\"")).isEqualTo(10);
    }

    @Test
    void aWriterWithoutCreatePrivilegesUsesTheExistingTable() throws SQLException {
        PostgresSinkSettings settings = new PostgresSinkSettings(SCHEMA, "granted");
        try (PostgresRawSink owner = sink(settings, "owner")) {
            owner.assigned(BronzeRecords.TOPIC, TOPIC_ID.toString(), List.of(0));
        }
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE bronze_writer LOGIN");
            statement.execute("GRANT USAGE ON SCHEMA bronze_test TO bronze_writer");
            statement.execute("GRANT SELECT, INSERT ON bronze_test.granted TO bronze_writer");
        }
        Properties properties = new Properties();
        properties.put("user", "bronze_writer");
        try (PostgresRawSink writer =
                new PostgresRawSink(settings, ConnectionSource.driverManager(postgres.jdbcUrl(), properties))) {
            writer.write(BronzeRecords.batch(RECORDS.subList(0, 40)));
            writer.write(BronzeRecords.batch(RECORDS.subList(0, 40)));

            assertThat(writer.stats().rows()).isEqualTo(40);
            assertThat(writer.stats().skipped()).isEqualTo(40);
        }
        assertThat(queryLong("SELECT count(*) FROM bronze_test.granted")).isEqualTo(40);
    }

    @Test
    void aRefusedBatchIsRolledBackWholeAndTheSinkGoesOn() throws SQLException {
        List<RawRecord> batch = new ArrayList<>(RECORDS.subList(0, 20));
        RawRecord broken = batch.get(7);
        batch.set(
                7,
                new RawRecord(
                        broken.coordinates(), "{\"Order Item Id\": 8".getBytes(StandardCharsets.UTF_8), broken.data()));
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "refused"), "refused")) {
            assertThatThrownBy(() -> sink.write(BronzeRecords.batch(batch)))
                    .isInstanceOf(ChainlineException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageStartingWith("Writing 20 records to bronze table bronze_test.refused failed:")
                    .hasMessageContaining("json")
                    .hasMessageContaining("(SQLState 22P02)")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(sink.durableUpTo()).isEmpty();
            assertThat(queryLong("SELECT count(*) FROM bronze_test.refused")).isZero();

            sink.write(BronzeRecords.batch(RECORDS.subList(0, 20)));

            assertThat(sink.stats().rows()).isEqualTo(20);
            assertThat(opened).hasValue(1);
        }
        assertThat(queryLong("SELECT count(*) FROM bronze_test.refused")).isEqualTo(20);
    }

    @Test
    void aValueTheTableCannotHoldIsBadDataNamedByItsCoordinatesWithoutItsText() throws SQLException {
        List<RawRecord> batch = new ArrayList<>(RECORDS.subList(0, 20));
        RawRecord broken = batch.get(7);
        String value = new String(broken.value(), StandardCharsets.UTF_8)
                .replaceFirst("\"Customer Fname\":\"", "\"Customer Fname\":\"Ma\\\\u0000riaSecret");
        batch.set(7, new RawRecord(broken.coordinates(), value.getBytes(StandardCharsets.UTF_8), broken.data()));
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "unholdable"), "unholdable")) {
            assertThatThrownBy(() -> sink.write(BronzeRecords.batch(batch)))
                    .isInstanceOf(DataQualityException.class)
                    .hasMessage("Writing 20 records to bronze table bronze_test.unholdable failed: unsupported Unicode"
                            + " escape sequence (record supply_chain_data/"
                            + broken.coordinates().partition() + "@"
                            + broken.coordinates().offset() + ") (SQLState 22P05)")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(sink.durableUpTo()).isEmpty();
        }
        assertThat(queryLong("SELECT count(*) FROM bronze_test.unholdable")).isZero();
    }

    @Test
    void aBrokenConnectionIsRetriableAndReplacedByTheNextWrite() throws Exception {
        try (PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "reconnected"), "reconnected")) {
            sink.write(BronzeRecords.batch(RECORDS.subList(0, 30)));
            terminateBackends("reconnected");
            RawBatch second = BronzeRecords.batch(RECORDS.subList(30, 60));

            assertThatThrownBy(() -> sink.write(second))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageStartingWith("Writing 30 records to bronze table bronze_test.reconnected failed:")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 9L, 1, 9L, 2, 9L));

            sink.write(second);

            assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 19L, 1, 19L, 2, 19L));
            assertThat(sink.stats().rows()).isEqualTo(60);
            assertThat(opened).hasValue(2);
        }
        assertStoredAsProduced("reconnected", RECORDS.subList(0, 60));
    }

    @Test
    void aClosedSinkRefusesWrites() {
        PostgresRawSink sink = sink(new PostgresSinkSettings(SCHEMA, "closed"), "closed");
        sink.close();
        sink.close();

        assertThatThrownBy(() -> sink.write(BronzeRecords.batch(RECORDS.subList(0, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The PostgreSQL sink of bronze table bronze_test.closed is closed");
    }

    private PostgresRawSink sink(PostgresSinkSettings settings, String applicationName) {
        Properties properties = new Properties();
        properties.put("user", postgres.user());
        properties.put("ApplicationName", applicationName);
        ConnectionSource driver = ConnectionSource.driverManager(postgres.jdbcUrl(), properties);
        return new PostgresRawSink(settings, () -> {
            opened.incrementAndGet();
            return driver.open();
        });
    }

    private static void assertStoredAsProduced(String table, List<RawRecord> expected) throws Exception {
        Map<String, RawRecord> byCoordinates = new LinkedHashMap<>();
        expected.forEach(r -> byCoordinates.put(
                r.coordinates().partition() + "/" + r.coordinates().offset(), r));
        String sql = "SELECT topic_id, partition, \"offset\", topic, kafka_key, kafka_time, payload::text,"
                + " payload->>'Customer City', payload->>'Order City', payload->>'Product Name'"
                + " FROM bronze_test." + table;
        int seen = 0;
        try (Connection connection = admin();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                RawRecord record = byCoordinates.get(rows.getInt(2) + "/" + rows.getLong(3));
                assertThat(record)
                        .as("row %s/%s", rows.getInt(2), rows.getLong(3))
                        .isNotNull();
                assertThat(rows.getObject(1, UUID.class))
                        .isEqualTo(BronzeRowEncoder.toUuid(record.coordinates().topicId(), "t"));
                assertThat(rows.getString(4)).isEqualTo(record.coordinates().topic());
                assertThat(rows.getString(5)).isEqualTo(record.coordinates().key());
                assertThat(rows.getObject(6, OffsetDateTime.class).toInstant().toEpochMilli())
                        .isEqualTo(record.coordinates().timestampMillis());
                assertThat(JSON.readValue(rows.getString(7), new TypeReference<Map<String, String>>() {}))
                        .isEqualTo(record.data());
                assertThat(rows.getString(8)).isEqualTo(record.data().get("Customer City"));
                assertThat(rows.getString(9)).isEqualTo(record.data().get("Order City"));
                assertThat(rows.getString(10)).isEqualTo(record.data().get("Product Name"));
                seen++;
            }
        }
        assertThat(seen).isEqualTo(expected.size());
    }

    private static Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection connection = admin();
                PreparedStatement query =
                        connection.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, SCHEMA);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return types;
    }

    private static void terminateBackends(String applicationName) throws SQLException {
        try (Connection connection = admin();
                PreparedStatement kill = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, applicationName);
            kill.execute();
            Await.until(Duration.ofSeconds(30), "the sink's backend to end", () -> {
                try {
                    return queryLong("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                                    + applicationName + "'")
                            == 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
    }
}

package io.chainline.runner.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code start-kafka} and {@code start-postgres} after a stop come back on the port they had, so a client that keeps
 * the address and retries reaches the service again.
 */
class ServiceRestartPortIT {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString());
    }

    @AfterEach
    void stopAll() {
        CliRun.run(env(), "stop-all");
    }

    private String start(String service) {
        CliRun started = CliRun.run(env(), "start-" + service);
        assertThat(started.exitCode()).as(started.err()).isZero();
        return started.out().strip();
    }

    private void stop(String service) {
        CliRun stopped = CliRun.run(env(), "stop-" + service);
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.err()).contains(service + ": stopped");
    }

    @Test
    void kafkaComesBackOnItsAddressAndAProducerThatKeptItSendsAgain() throws Exception {
        String address = start("kafka");
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            long before = producer.send(new ProducerRecord<>("supply_chain_data", "1", "before"))
                    .get(60, TimeUnit.SECONDS)
                    .offset();

            stop("kafka");
            String again = start("kafka");

            assertThat(again).isEqualTo(address);
            assertThat(producer.send(new ProducerRecord<>("supply_chain_data", "1", "after"))
                            .get(60, TimeUnit.SECONDS)
                            .offset())
                    .isEqualTo(before + 1);
        }
    }

    @Test
    void postgresComesBackOnItsAddressWithItsRows() throws Exception {
        String address = start("postgres");
        String url = "jdbc:postgresql://" + address + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
            statement.execute("INSERT INTO kept VALUES (1)");
        }

        stop("postgres");
        String again = start("postgres");

        assertThat(again).isEqualTo(address);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }
}

package io.chainline.cli.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original project's first steps with the jar: start-kafka and start-postgres return once ready,
 * stream-data --generate 10000 and consume --until-caught-up leave 10,000 rows in raw.supply_chain_data and in the
 * raw files, and running the last two again adds nothing.
 */
class BronzeAndRawJarIT {

    @TempDir
    Path home;

    private JarProcess jar;

    @AfterEach
    void stopEverything() throws Exception {
        if (jar != null) {
            jar.run("stop-all");
        }
    }

    @Test
    void generatedRowsLandOnceInBronzeAndRawFiles() throws Exception {
        jar = new JarProcess(home);
        String store = "--set=chainline.store.root=" + home.resolve("data").toUri();

        JarProcess.Result kafka = jar.run("start-kafka");
        assertThat(kafka.exitCode()).as(kafka.err()).isZero();
        JarProcess.Result postgres = jar.run("start-postgres");
        assertThat(postgres.exitCode()).as(postgres.err()).isZero();
        String pgAddress = postgres.out().trim();

        for (int round = 0; round < 2; round++) {
            JarProcess.Result streamed = jar.run("stream-data", "--generate", "10000", store);
            assertThat(streamed.exitCode()).as(streamed.err()).isZero();
            JarProcess.Result consumed = jar.run("consume", "--until-caught-up", store);
            assertThat(consumed.exitCode()).as(consumed.err()).isZero();
            assertThat(bronzeRows(pgAddress))
                    .as("bronze rows after round %d", round + 1)
                    .isEqualTo(10_000);
            assertThat(rawRecords(home.resolve("data/raw_streaming")))
                    .as("raw records after round %d", round + 1)
                    .isEqualTo(10_000);
        }
    }

    private static long bronzeRows(String address) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://" + address + "/postgres", "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*), count(distinct (partition, \"offset\")) from raw.supply_chain_data")) {
            result.next();
            assertThat(result.getLong(2)).as("distinct (partition, offset)").isEqualTo(result.getLong(1));
            return result.getLong(1);
        }
    }

    private static long rawRecords(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".avro")).toList();
        }
        long count = 0;
        for (Path file : files) {
            try (DataFileReader<GenericRecord> reader =
                    new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                while (reader.hasNext()) {
                    reader.next();
                    count++;
                }
            }
        }
        return count;
    }
}

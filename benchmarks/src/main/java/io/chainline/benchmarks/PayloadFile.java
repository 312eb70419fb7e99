package io.chainline.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.chainline.core.error.ChainlineException;

/**
 * Builds the tool's {@code --payload-file} from what our ingest wrote: the topic read to its end with
 * {@code read_committed}, each record value one line (JSON values hold no raw line break).
 */
final class PayloadFile {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private PayloadFile() {}

    /**
     * What the topic held and what the file got.
     *
     * @param records the committed records of the topic
     * @param valueBytes the summed size of their values
     * @param lines the values written to the file: the first {@code maxLines} records read
     */
    record Stats(long records, long valueBytes, long lines) {}

    /**
     * Reads every committed record of {@code topic} and writes the values of the first {@code maxLines} of them
     * (in the order the consumer returns them, mixing the partitions) to {@code file}.
     *
     * @throws ChainlineException when the topic cannot be read to its end in time or a value holds a line break
     */
    static Stats write(String bootstrap, String topic, Path file, long maxLines) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long records = 0;
        long bytes = 0;
        long lines = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new ChainlineException("Could not read topic '" + topic + "' to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byte[] value = record.value();
                    records++;
                    bytes += value.length;
                    if (lines < maxLines) {
                        for (byte b : value) {
                            if (b == '\n') {
                                throw new ChainlineException(
                                        "Record " + record.partition() + "/" + record.offset() + " of topic '" + topic
                                                + "' holds a line break; expected one JSON value per line");
                            }
                        }
                        out.write(value);
                        out.write('\n');
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the payload file " + file + ": " + e.getMessage(), e);
        }
        return new Stats(records, bytes, lines);
    }
}

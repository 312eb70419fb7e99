package io.chainline.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.chainline.core.error.ChainlineException;

/** Creates the topics the benchmark's tool runs write to (the broker creates none by itself). */
final class Topics {
    /** The partitions of every benchmark topic, as {@code chainline.ingest.partitions} defaults to. */
    static final int PARTITIONS = 3;

    private Topics() {}

    /** Creates {@code topic} with {@link #PARTITIONS} partitions and one replica; fails when it exists. */
    static void create(String bootstrap, String topic) {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ChainlineException("Cannot create topic '" + topic + "' on " + bootstrap + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while creating topic '" + topic + "'", e);
        }
    }
}

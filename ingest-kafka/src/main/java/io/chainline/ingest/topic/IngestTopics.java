package io.chainline.ingest.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.ingest.IngestSettings;

import static java.util.Objects.requireNonNull;

/**
 * The topics an ingest writes, with the partitions and replication of {@code chainline.ingest}: the rows' topic and
 * the dead-letter topic with {@code partitions} partitions each, and the compacted positions topic with one. The
 * ingest stage creates the missing ones before it sends; {@code chainline start-kafka} creates them as soon as its
 * broker is ready, so that a producer of the original project (which never creates topics) can write at once. A
 * topic that exists is left as it is.
 */
public final class IngestTopics {
    private static final Logger log = LoggerFactory.getLogger(IngestTopics.class);
    private static final long POLL_MILLIS = 50;

    private IngestTopics() {}

    /** The topics of {@code settings}: rows, dead letters, positions (compacted, one partition). */
    public static List<NewTopic> of(IngestSettings settings) {
        requireNonNull(settings, "settings is null");
        return List.of(
                new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor()),
                new NewTopic(settings.dlqTopic(), settings.partitions(), settings.replicationFactor()),
                new NewTopic(settings.positionsTopic(), 1, settings.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** The names of the topics of {@code settings}, in the order of {@link #of}. */
    public static List<String> names(IngestSettings settings) {
        return of(settings).stream().map(NewTopic::name).toList();
    }

    /**
     * Creates the missing topics with an admin client of its own and waits until every partition has a leader.
     *
     * @param clientProperties the Kafka client properties (bootstrap servers, TLS, SASL)
     * @param settings the topics' names and settings
     * @param timeout how long each admin request and the wait for leaders may take
     * @return the names of the topics this call created
     */
    public static List<String> ensure(Properties clientProperties, IngestSettings settings, Duration timeout) {
        requireNonNull(clientProperties, "clientProperties is null");
        try (Admin admin = Admin.create(clientProperties)) {
            return ensure(admin, settings, timeout);
        }
    }

    /**
     * Creates the missing topics and waits until every partition has a leader: a topic that was just created is not
     * writable at once, and an idempotent producer that starts sending before its leaders are known can end in
     * out-of-order sequence errors.
     *
     * @return the names of the topics this call created
     * @throws RetriableException if the cluster cannot be reached or does not answer in time
     */
    public static List<String> ensure(Admin admin, IngestSettings settings, Duration timeout) {
        requireNonNull(admin, "admin is null");
        requireNonNull(timeout, "timeout is null");
        List<NewTopic> topics = of(settings);
        List<String> created = new ArrayList<>();
        admin.createTopics(topics).values().forEach((name, future) -> {
            if (created(future, name, timeout)) {
                created.add(name);
            }
        });
        if (!created.isEmpty()) {
            log.info(
                    "Created Kafka topics {} ({} partitions, replication factor {}; {} compacted)",
                    created,
                    settings.partitions(),
                    settings.replicationFactor(),
                    settings.positionsTopic());
        }
        awaitLeaders(admin, topics.stream().map(NewTopic::name).toList(), timeout);
        return List.copyOf(created);
    }

    private static void awaitLeaders(Admin admin, List<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ready = describe(admin, names, timeout)
                    .map(described -> described.values().stream()
                            .flatMap(topic -> topic.partitions().stream())
                            .allMatch(p -> p.leader() != null))
                    .orElse(false);
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RetriableException("The partitions of " + names + " have no leader after " + timeout);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainlineException("Interrupted while waiting for the leaders of " + names, e);
            }
        }
    }

    /** Whether the topic was created: false when it existed already. */
    private static boolean created(KafkaFuture<Void> future, String name, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new RetriableException(
                    "Cannot create topic '" + name + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("Creating topic '" + name + "' took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while creating topic '" + name + "'", e);
        }
    }

    /** The topics' descriptions; empty while one of them is not known yet. */
    private static Optional<Map<String, TopicDescription>> describe(Admin admin, List<String> names, Duration timeout) {
        try {
            return Optional.of(
                    admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new RetriableException(
                    "Cannot describe topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("Describing topics " + names + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while describing topics " + names, e);
        }
    }
}

package io.chainline.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.embedded.port.ServicePort;

import static java.util.Objects.requireNonNull;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one node, no ZooKeeper), running in this
 * JVM and listening on 127.0.0.1 only.
 *
 * <p>The log directory is formatted with a random cluster id on first use and reused as it is afterwards, so a
 * broker started again on the same directory keeps its topics (with their topic ids) and records, and its port
 * ({@link ServicePort}): clients that retry the old address reach it again. The broker is
 * set up for one node: internal topics have one replica, consumer groups form without delay, idempotent and
 * transactional producers work, and topics are never created automatically.
 *
 * <p>Several brokers may run in one JVM on different log directories. {@link #close()} stops the broker.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(Path logDir, int port, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker on {@code logDir} on the port it had last time there, or a free one on the first start.
     *
     * @throws ChainlineException when the broker does not start or does not answer in time
     */
    public static EmbeddedKafka start(Path logDir) {
        return start(logDir, 0);
    }

    /**
     * Starts a broker on {@code logDir} listening on 127.0.0.1:{@code brokerPort} and returns once it answers
     * clients. With 0 it takes the port it had last time on this directory, or a free one on the first start; the
     * port is kept in the directory for the next start. The directory is created and formatted when it holds no {@code meta.properties}.
     *
     * @throws IllegalArgumentException when {@code brokerPort} is not 0 to 65535
     * @throws ChainlineException when the broker does not start or does not answer in time
     */
    public static EmbeddedKafka start(Path logDir, int brokerPort) {
        requireNonNull(logDir, "logDir is null");
        LoopbackPorts.check("brokerPort", brokerPort);
        Path dir = logDir.toAbsolutePath().normalize();
        int chosen = ServicePort.choose(dir, brokerPort, "The Kafka broker on " + dir);
        int port = chosen == 0 ? LoopbackPorts.free(-1) : chosen;
        int controllerPort = LoopbackPorts.free(port);
        long startNanos = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            boolean formatted = KafkaLogDirectory.formatIfNeeded(dir);
            server = new KafkaRaftServer(
                    new KafkaConfig(BrokerProperties.of(dir, port, controllerPort), false), Time.SYSTEM);
            server.startup();
            awaitReady(bootstrapServers(port));
            ServicePort.remember(dir, port);
            LOG.info(
                    "Kafka broker at {} up in {} ms ({} log dir {})",
                    bootstrapServers(port),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    formatted ? "new" : "reused",
                    dir);
            return new EmbeddedKafka(dir, port, server);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            ChainlineException failure = new ChainlineException(
                    "Kafka broker on log dir " + dir + " (port " + port + ") did not start: " + describe(e), e);
            if (server != null) {
                stop(server, failure);
            }
            throw failure;
        }
    }

    /** The address clients connect to: {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return bootstrapServers(port);
    }

    /** The broker's log directory (absolute). */
    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and waits until it has stopped; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka broker at {} stopped", bootstrapServers());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + logDir + "]";
    }

    private static String bootstrapServers(int port) {
        return LoopbackPorts.HOST + ":" + port;
    }

    private static void awaitReady(String bootstrapServers) throws Exception {
        int timeoutMs = Math.toIntExact(READY_TIMEOUT.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    /** The exception and, when it wraps others, the innermost one, which usually says what went wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    private static void stop(KafkaRaftServer server, Exception failure) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}

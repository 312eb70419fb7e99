package io.chainline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.chainline.embedded.kafka.EmbeddedKafka;
import io.chainline.embedded.postgres.EmbeddedPostgres;

/**
 * A JUnit extension that runs a real Kafka broker, and optionally a real PostgreSQL, for one test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();
 * }</pre>
 *
 * Their data lives in a temporary folder that is removed afterwards.
 */
public final class EmbeddedServices implements BeforeAllCallback, AfterAllCallback {
    private final boolean postgresWanted;
    private Path folder;
    private EmbeddedKafka kafka;
    private EmbeddedPostgres postgres;

    private EmbeddedServices(boolean postgresWanted) {
        this.postgresWanted = postgresWanted;
    }

    /** A Kafka broker. */
    public static EmbeddedServices kafka() {
        return new EmbeddedServices(false);
    }

    /** These services plus a PostgreSQL server. */
    public EmbeddedServices withPostgres() {
        return new EmbeddedServices(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("chainline-services-");
        kafka = EmbeddedKafka.start(folder.resolve("kafka"));
        if (postgresWanted) {
            postgres = EmbeddedPostgres.start(folder.resolve("postgres"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            deleteRecursively(folder);
        }
    }

    /** The broker. */
    public EmbeddedKafka broker() {
        return kafka;
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The PostgreSQL server; only with {@link #withPostgres()}. */
    public EmbeddedPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException(
                    "this extension runs no PostgreSQL; use EmbeddedServices.kafka().withPostgres()");
        }
        return postgres;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

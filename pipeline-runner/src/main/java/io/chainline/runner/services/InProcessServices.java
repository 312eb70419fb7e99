package io.chainline.runner.services;

import java.nio.file.Path;

import io.chainline.core.error.ConfigException;
import io.chainline.embedded.kafka.EmbeddedKafka;
import io.chainline.embedded.postgres.EmbeddedPostgres;

import static java.util.Objects.requireNonNull;

/**
 * Starts the services of {@code io.chainline:pipeline-embedded} in this process. That artifact is an optional
 * dependency of the library: a host that configures {@code embedded} endpoints without it gets a configuration error
 * naming the key and the artifact, not a {@link NoClassDefFoundError}.
 */
public final class InProcessServices {
    static final String ARTIFACT = "io.chainline:pipeline-embedded";

    private InProcessServices() {}

    /** A Kafka broker (KRaft) with its log in {@code dataDir}; its address is the bootstrap servers. */
    public static EmbeddedService kafka(Path dataDir, int port) {
        requireOnClassPath("chainline.kafka.bootstrap", "a Kafka broker");
        return Started.kafka(requireNonNull(dataDir, "dataDir is null"), port);
    }

    /** A PostgreSQL server with its data in {@code dataDir}; its address is {@code 127.0.0.1:<port>}. */
    public static EmbeddedService postgres(Path dataDir, int port) {
        requireOnClassPath("chainline.postgres.url", "a PostgreSQL server");
        return Started.postgres(requireNonNull(dataDir, "dataDir is null"), port);
    }

    private static void requireOnClassPath(String key, String what) {
        try {
            Class.forName("io.chainline.embedded.kafka.EmbeddedKafka", false, InProcessServices.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("'" + key + "' is 'embedded', which runs " + what + " in this process from "
                    + ARTIFACT + ", but that artifact is not on the class path: add the dependency "
                    + ARTIFACT + " (its version comes from io.chainline:chainline-bom), or set '" + key
                    + "' to a running service");
        }
    }

    /** Touches the embedded classes only once they are known to be there. */
    private static final class Started {
        static EmbeddedService kafka(Path dataDir, int port) {
            EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port);
            return new EmbeddedService(kafka, kafka.bootstrapServers());
        }

        static EmbeddedService postgres(Path dataDir, int port) {
            EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, port);
            return new EmbeddedService(postgres, "127.0.0.1:" + postgres.port());
        }
    }
}

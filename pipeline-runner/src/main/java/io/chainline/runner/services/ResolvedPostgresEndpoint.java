package io.chainline.runner.services;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.postgres.JdbcConnections;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.service.ServiceRecord;
import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.core.settings.PostgresSettings;
import io.chainline.embedded.postgres.EmbeddedPostgres;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL of a command, found on first use: the configured URL; or, with
 * {@code chainline.postgres.url = embedded}, the server {@code chainline start-postgres} runs (from the service
 * registry); or else a server started inside this command, whose data lives under
 * {@code <state-dir>/runs/<time>-postgres} and which the run's lifecycle stops. The embedded servers trust local
 * connections of the user {@value #EMBEDDED_USER}.
 */
public final class ResolvedPostgresEndpoint implements PostgresEndpoint {
    /** The registry name of the PostgreSQL service. */
    public static final String SERVICE = "postgres";
    /** The user of the embedded servers. */
    public static final String EMBEDDED_USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(ResolvedPostgresEndpoint.class);
    private static final DateTimeFormatter RUN_DIR = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final PostgresSettings settings;
    private final ServiceRegistry registry;
    private final StateDirectory stateDirectory;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private String url;

    @Inject
    public ResolvedPostgresEndpoint(PostgresSettings settings, ServiceRegistry registry, StateDirectory stateDirectory,
            Lifecycle lifecycle, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized String jdbcUrl() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    @Override
    public Properties connectionProperties() {
        if (!settings.isEmbedded()) {
            return settings.connectionProperties();
        }
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        properties.put("user", EMBEDDED_USER);
        return properties;
    }

    @Override
    public Connection connect() {
        return JdbcConnections.open(jdbcUrl(), connectionProperties());
    }

    private String resolve() {
        if (!settings.isEmbedded()) {
            return settings.url();
        }
        var running = registry.find(SERVICE);
        if (running.isPresent()) {
            ServiceRecord service = running.get();
            log.info("Using the PostgreSQL service at {} (pid {})", service.address(), service.pid());
            return "jdbc:postgresql://" + service.address() + "/postgres";
        }
        Path dataDir = stateDirectory.root().resolve("runs").resolve(RUN_DIR.format(clock.instant()) + "-postgres");
        EmbeddedPostgres postgres = lifecycle.manage(EmbeddedPostgres.start(dataDir));
        log.warn("No PostgreSQL service is running (start one with `chainline start-postgres`); this command uses a"
                + " server of its own at 127.0.0.1:{} that stops when it ends; its data stays in {}", postgres.port(),
                dataDir);
        return postgres.jdbcUrl();
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + settings + "]";
    }
}

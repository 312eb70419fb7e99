package io.chainline.runner.services;

import java.sql.Connection;
import java.util.Properties;

import com.google.inject.Inject;

import io.chainline.core.postgres.JdbcConnections;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.settings.PostgresSettings;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL of a command, found on first use: the configured URL; or, with
 * {@code chainline.postgres.url = embedded}, the server {@code chainline start-postgres} runs, or else a server
 * started inside this command ({@link LocalServices}). The embedded servers trust local connections of the user
 * {@value #EMBEDDED_USER}.
 */
public final class ResolvedPostgresEndpoint implements PostgresEndpoint {
    /** The registry name of the PostgreSQL service. */
    public static final String SERVICE = "postgres";
    /** The user of the embedded servers. */
    public static final String EMBEDDED_USER = "postgres";

    private final PostgresSettings settings;
    private final LocalServices services;
    private String url;

    @Inject
    public ResolvedPostgresEndpoint(PostgresSettings settings, LocalServices services) {
        this.settings = requireNonNull(settings, "settings is null");
        this.services = requireNonNull(services, "services is null");
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
        return services.running(SERVICE)
                .map(service -> "jdbc:postgresql://" + service.address() + "/postgres")
                .orElseGet(() -> "jdbc:postgresql://"
                        + services.startForCommand(SERVICE, dataDir -> InProcessServices.postgres(dataDir, 0))
                                .address() + "/postgres");
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + settings + "]";
    }
}

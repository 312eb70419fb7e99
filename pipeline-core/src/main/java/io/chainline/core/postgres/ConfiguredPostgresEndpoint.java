package io.chainline.core.postgres;

import java.sql.Connection;
import java.util.Properties;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.core.settings.PostgresSettings;

import static java.util.Objects.requireNonNull;

/**
 * The database {@code chainline.postgres} names, for programs and tests that run against a known server;
 * {@code url = embedded} is an error here (the runner binds its own endpoint that knows the local services).
 */
public final class ConfiguredPostgresEndpoint implements PostgresEndpoint {
    private final PostgresSettings settings;

    @Inject
    public ConfiguredPostgresEndpoint(PostgresSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String jdbcUrl() {
        if (settings.isEmbedded()) {
            throw new ConfigException("Invalid value 'embedded' for 'chainline.postgres.url': this program has no"
                    + " local services; give a jdbc:postgresql:// URL");
        }
        return settings.url();
    }

    @Override
    public Properties connectionProperties() {
        return settings.connectionProperties();
    }

    @Override
    public Connection connect() {
        return JdbcConnections.open(jdbcUrl(), connectionProperties());
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}

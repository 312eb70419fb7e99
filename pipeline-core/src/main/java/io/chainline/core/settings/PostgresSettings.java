package io.chainline.core.settings;

import java.util.Map;
import java.util.Properties;

import com.typesafe.config.Config;

import io.chainline.core.config.Secret;
import io.chainline.core.config.SettingsReader;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.postgres}: the database that holds the bronze table.
 *
 * @param url a {@code jdbc:postgresql://…} URL, or {@value #EMBEDDED}
 * @param user the user name
 * @param password the password (from the environment only); empty for none
 * @param properties extra JDBC connection properties, e.g. {@code sslmode}
 */
public record PostgresSettings(String url, String user, Secret password, Map<String, String> properties) {
    /** The url value that asks for the local embedded PostgreSQL. */
    public static final String EMBEDDED = "embedded";

    public PostgresSettings {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** Reads and validates {@code chainline.postgres}. */
    public static PostgresSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.postgres");
        String url = read.nonEmptyString("url").trim();
        if (!url.isEmpty() && !url.equals(EMBEDDED) && !url.startsWith("jdbc:postgresql:")) {
            read.problem(
                    "url",
                    Redactor.redactText(url),
                    "must be '" + EMBEDDED
                            + "' or a PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/chainline");
        }
        String user = read.nonEmptyString("user");
        Secret password = read.secret("password");
        Map<String, String> properties = read.stringMap("properties");
        read.throwIfInvalid();
        return new PostgresSettings(url, user, password, properties);
    }

    /** Whether the embedded PostgreSQL is asked for. */
    public boolean isEmbedded() {
        return EMBEDDED.equals(url);
    }

    /** The properties for {@code DriverManager.getConnection(url, properties)}: extras, user and password. */
    public Properties connectionProperties() {
        Properties result = new Properties();
        result.putAll(properties);
        result.put("user", user);
        if (!password.isEmpty()) {
            result.put("password", password.reveal());
        }
        return result;
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + Redactor.redactText(url) + ", user=" + user + ", password=" + password
                + ", properties=" + properties.keySet() + "]";
    }
}

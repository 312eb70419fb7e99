package io.chainline.olap.iceberg;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;

import io.chainline.core.config.Secret;
import io.chainline.core.config.SettingsReader;
import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.silver.catalog}: the Iceberg catalog that holds the silver tables.
 *
 * @param type the catalog kind; {@link CatalogType#AUTO} picks by the store
 * @param name the Spark catalog name tables are addressed by ({@code <name>.<namespace>.<table>})
 * @param namespace the namespace of the silver tables
 * @param uri the jdbc: URL or the REST endpoint; empty for hadoop (and for jdbc, where it defaults to the bronze
 *     database's URL)
 * @param warehouse where table data goes; empty for the store root
 * @param user the jdbc catalog's database user (by default the bronze database's)
 * @param password the jdbc catalog's database password, or the REST catalog's OAuth2 credential
 * @param properties further catalog properties given verbatim to Iceberg (io-impl, token, scope, …)
 */
public record CatalogSettings(
        CatalogType type,
        String name,
        String namespace,
        Optional<String> uri,
        Optional<String> warehouse,
        String user,
        Secret password,
        Map<String, String> properties) {

    private static final String SPARK_CATALOG = "org.apache.iceberg.spark.SparkCatalog";

    public CatalogSettings {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(uri, "uri is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** Reads and validates {@code chainline.silver.catalog}. */
    public static CatalogSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.silver.catalog");
        CatalogType type = read.enumValue("type", CatalogType.class, CatalogType.AUTO);
        String name = identifier(read, "name");
        String namespace = identifier(read, "namespace");
        Optional<String> uri = read.optionalString("uri");
        if (type == CatalogType.REST && uri.isEmpty()) {
            read.problem(
                    "uri", "", "a rest catalog needs its endpoint, e.g. https://biglake.googleapis.com/iceberg/v1");
        }
        if (type != CatalogType.REST && type != CatalogType.HADOOP && uri.isEmpty()) {
            uri = SettingsReader.of(config, "chainline.postgres").optionalString("url");
        }
        uri.filter(value -> type == CatalogType.JDBC && !value.startsWith("jdbc:"))
                .ifPresent(value -> read.problem(
                        "uri",
                        value,
                        "a jdbc catalog needs a jdbc:postgresql:// URL (it defaults to chainline.postgres.url, which"
                                + " must then be one)"));
        Optional<String> warehouse = read.optionalString("warehouse");
        String user = read.string("user").trim();
        Secret password = read.secret("password");
        if (type != CatalogType.REST && type != CatalogType.HADOOP) {
            SettingsReader bronze = SettingsReader.of(config, "chainline.postgres");
            user = user.isEmpty() ? bronze.string("user").trim() : user;
            password = password.isEmpty() ? bronze.secret("password") : password;
        }
        Map<String, String> properties = read.stringMap("properties");
        read.throwIfInvalid();
        return new CatalogSettings(type, name, namespace, uri, warehouse, user, password, properties);
    }

    private static String identifier(SettingsReader read, String key) {
        String value = read.nonEmptyString(key).trim();
        if (!value.isEmpty() && !value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            read.problem(key, value, "must be a plain identifier: letters, digits and _, not starting with a digit");
        }
        return value;
    }

    /** The catalog kind for a store at {@code silverRoot}: {@link #type()} unless it is {@code auto}. */
    public CatalogType resolvedType(URI silverRoot) {
        if (type != CatalogType.AUTO) {
            return type;
        }
        return "gs".equalsIgnoreCase(silverRoot.getScheme()) ? CatalogType.JDBC : CatalogType.HADOOP;
    }

    /**
     * The Spark settings that define catalog {@code catalogName} for a store at {@code silverRoot}; table metadata is
     * never cached, so every read sees the latest commit (this process's and other writers').
     */
    public Map<String, String> sparkConf(String catalogName, URI silverRoot) {
        CatalogType resolved = resolvedType(silverRoot);
        if (resolved == CatalogType.JDBC && !uri.orElse("").startsWith("jdbc:")) {
            throw new ConfigException("Invalid value '" + uri.orElse("") + "' for 'chainline.silver.catalog.uri': the"
                    + " silver tables of " + silverRoot + " need a jdbc catalog, and it needs a jdbc:postgresql:// URL"
                    + " (it defaults to chainline.postgres.url, which must then be one)");
        }
        String prefix = "spark.sql.catalog." + catalogName;
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put(prefix, SPARK_CATALOG);
        conf.put(prefix + ".type", resolved.name().toLowerCase(Locale.ROOT));
        conf.put(prefix + ".cache-enabled", "false");
        conf.put(prefix + ".warehouse", warehouse.orElse(withoutTrailingSlash(silverRoot.toString())));
        uri.ifPresent(value -> conf.put(prefix + ".uri", value));
        if (resolved == CatalogType.JDBC) {
            conf.put(prefix + ".jdbc.user", user);
            if (!password.isEmpty()) {
                conf.put(prefix + ".jdbc.password", password.reveal());
            }
            conf.put(prefix + ".jdbc.schema-version", "V1");
        } else if (resolved == CatalogType.REST && !password.isEmpty()) {
            conf.put(prefix + ".credential", password.reveal());
        }
        properties.forEach((key, value) -> conf.put(prefix + "." + key, value));
        return conf;
    }

    private static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}

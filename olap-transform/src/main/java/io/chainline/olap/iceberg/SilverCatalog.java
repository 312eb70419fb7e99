package io.chainline.olap.iceberg;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;

/**
 * The Iceberg catalog of the silver tables, registered in a Spark session: the same catalog object serves Spark's
 * reads and writes ({@code <sparkName>.<namespace>.<table>}) and the table operations done through Iceberg's API
 * (branches, tags, expiration). A session that already defines the configured catalog name differently (another
 * store in the same JVM) gets the catalog under a name suffixed with a hash of its settings, because Spark keeps a
 * catalog it has loaded for the session's life.
 */
public final class SilverCatalog {
    private final SparkSession session;
    private final String sparkName;
    private final Namespace namespace;
    private final Catalog catalog;

    private SilverCatalog(SparkSession session, String sparkName, Namespace namespace, Catalog catalog) {
        this.session = session;
        this.sparkName = sparkName;
        this.namespace = namespace;
        this.catalog = catalog;
    }

    /** Registers the catalog of {@code settings} for the store at {@code silverRoot} and creates its namespace. */
    public static SilverCatalog open(SparkSession session, CatalogSettings settings, URI silverRoot) {
        requireNonNull(session, "session is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(silverRoot, "silverRoot is null");
        String name = settings.name();
        Map<String, String> conf = settings.sparkConf(name, silverRoot);
        if (definedDifferently(session.conf(), conf)) {
            name = name + "_" + digest(conf);
            conf = settings.sparkConf(name, silverRoot);
        }
        conf.forEach(session.conf()::set);
        Catalog catalog = Spark3Util.loadIcebergCatalog(session, name);
        Namespace namespace = Namespace.of(settings.namespace());
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
            try {
                namespaces.createNamespace(namespace);
            } catch (org.apache.iceberg.exceptions.AlreadyExistsException createdMeanwhile) {
                // another build created it first: what we wanted
            }
        }
        return new SilverCatalog(session, name, namespace, catalog);
    }

    private static boolean definedDifferently(RuntimeConfig current, Map<String, String> wanted) {
        String catalogKey = wanted.keySet().iterator().next();
        if (current.getOption(catalogKey).isEmpty()) {
            return false;
        }
        return wanted.entrySet().stream()
                .anyMatch(entry -> !current.getOption(entry.getKey()).contains(entry.getValue()));
    }

    private static String digest(Map<String, String> conf) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(new TreeMap<>(conf).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The session the catalog is registered in. */
    public SparkSession session() {
        return session;
    }

    /** The name Spark knows the catalog by. */
    public String sparkName() {
        return sparkName;
    }

    /** The Iceberg catalog. */
    public Catalog catalog() {
        return catalog;
    }

    /** The identifier of silver table {@code table}. */
    public TableIdentifier identifier(String table) {
        return TableIdentifier.of(namespace, table);
    }

    /** Whether silver table {@code table} exists. */
    public boolean exists(String table) {
        return catalog.tableExists(identifier(table));
    }

    /** Silver table {@code table}, as last committed. */
    public Table load(String table) {
        return catalog.loadTable(identifier(table));
    }

    /** The name Spark reads and writes {@code table} by, e.g. {@code chainline.silver.fact_order}. */
    public String sparkTable(String table) {
        return sparkName + "." + namespace + "." + table;
    }

    /** The name Spark reads and writes {@code branch} of {@code table} by. */
    public String sparkBranch(String table, String branch) {
        return sparkTable(table) + ".branch_" + branch;
    }
}

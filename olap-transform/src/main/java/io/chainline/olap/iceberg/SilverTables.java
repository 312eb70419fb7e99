package io.chainline.olap.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Creates silver tables on first use and evolves their schema: format v2, Parquet with the configured codec,
 * copy-on-write deletes, updates and merges (so a snapshot's data files hold exactly its rows, and exporters read
 * them as plain Parquet), every column optional and documented. A column the data gains is added by schema
 * evolution, which never rewrites data; a column the data lacks stays in the table and is written as null.
 */
public final class SilverTables {
    private static final Logger LOG = LoggerFactory.getLogger(SilverTables.class);
    private static final String COPY_ON_WRITE = "copy-on-write";

    private final SilverCatalog catalog;
    private final ColumnDocs docs;
    private final String codec;

    /** Tables of {@code catalog}, written with Parquet codec {@code codec}. */
    public SilverTables(SilverCatalog catalog, ColumnDocs docs, String codec) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.docs = requireNonNull(docs, "docs is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    /**
     * The table {@code name}, created or evolved to hold rows of {@code schema}; it has a snapshot on {@code main}
     * (empty for a new table), which build branches start from.
     *
     * @param partitioning Iceberg partition transforms, e.g. {@code months(order_date)}
     */
    public Table prepare(String name, StructType schema, List<String> partitioning) {
        Schema wanted = documented(name, SparkSchemaUtil.convert(schema));
        if (!catalog.exists(name)) {
            try {
                catalog.catalog()
                        .buildTable(catalog.identifier(name), wanted)
                        .withPartitionSpec(spec(name, wanted, partitioning))
                        .withProperties(properties())
                        .create();
                LOG.info("Created silver table {}", catalog.sparkTable(name));
            } catch (AlreadyExistsException createdMeanwhile) {
                LOG.debug("Silver table {} was created by another build", name);
            }
        }
        Table table = catalog.load(name);
        UpdateSchema update = table.updateSchema().unionByNameWith(wanted);
        if (!update.apply().sameSchema(table.schema())) {
            update.commit();
            LOG.info("Evolved the schema of silver table {}: {}", name, table.schema());
        }
        if (!codec.equals(table.properties().get(TableProperties.PARQUET_COMPRESSION))) {
            table.updateProperties()
                    .set(TableProperties.PARQUET_COMPRESSION, codec)
                    .commit();
        }
        if (table.currentSnapshot() == null) {
            table.newFastAppend().set(BuildRefs.BUILD_ID, "").commit();
        }
        table.refresh();
        return table;
    }

    /**
     * {@code rows} with the columns of {@code table}, in its order: a column the rows lack is null, so the write
     * matches the table's schema.
     */
    public static Dataset<Row> align(Dataset<Row> rows, Table table) {
        List<String> present = List.of(rows.columns());
        List<Column> columns = new ArrayList<>();
        for (Types.NestedField field : table.schema().columns()) {
            columns.add(
                    present.contains(field.name())
                            ? col(field.name())
                            : lit(null)
                                    .cast(SparkSchemaUtil.convert(field.type()))
                                    .as(field.name()));
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    private Schema documented(String table, Schema schema) {
        List<Types.NestedField> fields = new ArrayList<>();
        for (Types.NestedField field : schema.columns()) {
            fields.add(Types.NestedField.optional(
                    field.fieldId(),
                    field.name(),
                    field.type(),
                    docs.of(table, field.name()).orElse(null)));
        }
        return new Schema(fields);
    }

    private Map<String, String> properties() {
        return Map.of(
                TableProperties.FORMAT_VERSION, "2",
                TableProperties.PARQUET_COMPRESSION, codec,
                TableProperties.DELETE_MODE, COPY_ON_WRITE,
                TableProperties.UPDATE_MODE, COPY_ON_WRITE,
                TableProperties.MERGE_MODE, COPY_ON_WRITE,
                TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    }

    /** The spec of transforms like {@code months(order_date)}, {@code days(ts)}, {@code identity(col)} or {@code col}. */
    static PartitionSpec spec(String table, Schema schema, List<String> partitioning) {
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (String transform : partitioning) {
            int open = transform.indexOf('(');
            String function =
                    open < 0 ? "identity" : transform.substring(0, open).strip();
            String column = open < 0
                    ? transform.strip()
                    : transform.substring(open + 1, transform.lastIndexOf(')')).strip();
            switch (function) {
                case "identity" -> spec.identity(column);
                case "years" -> spec.year(column);
                case "months" -> spec.month(column);
                case "days" -> spec.day(column);
                case "hours" -> spec.hour(column);
                default ->
                    throw new ConfigException("Table " + table + " is partitioned by '" + transform + "': the"
                            + " transform must be identity, years, months, days or hours of a column");
            }
        }
        return spec.build();
    }
}

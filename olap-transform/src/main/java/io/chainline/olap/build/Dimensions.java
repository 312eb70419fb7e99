package io.chainline.olap.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.olap.conform.KafkaColumns;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

/** The two shapes of dimension: keyed by a natural id (type 1) or by a hash of its attributes. */
final class Dimensions {
    /** The conflict column of natural-key dimensions. */
    static final String CONFLICT = "_conflict";

    private Dimensions() {}

    /**
     * One row per natural id: the attributes of the latest source row (by order date, then Kafka time and offset)
     * win; a key whose rows disagree is flagged in {@link #CONFLICT}.
     */
    static BuiltTable naturalKey(BuildInput input, String table, String key, List<String> attributes) {
        Dataset<Row> rows = input.conformed().filter(col(key).isNotNull());
        Column latest = struct(
                col(DataCoColumn.ORDER_DATE.snakeName()),
                col(KafkaColumns.TIME),
                col(KafkaColumns.OFFSET),
                col(KafkaColumns.PARTITION));
        Column values = struct(attributes.stream().map(name -> col(name)).toArray(Column[]::new));
        Column variant = SurrogateKeys.attributeHash(rows.schema(), attributes);
        Dataset<Row> grouped = rows.groupBy(col(key).cast(DataTypes.LongType).as(key))
                .agg(
                        max_by(values, latest).as("_latest"),
                        min(variant).as("_low"),
                        max(variant).as("_high"));
        List<Column> columns = new ArrayList<>();
        columns.add(col(key));
        attributes.forEach(name -> columns.add(col("_latest." + name).as(name)));
        columns.add(col("_low").notEqual(col("_high")).as(CONFLICT));
        Dataset<Row> dimension = grouped.select(columns.toArray(Column[]::new));
        return new BuiltTable(table, withUnknown(dimension, key), key, List.of(), Map.of(), Optional.of(CONFLICT));
    }

    /** One row per distinct set of attributes, keyed by their {@link SurrogateKeys#hashKey hash}. */
    static BuiltTable hashKey(
            BuildInput input, String table, String key, List<String> attributes, boolean alreadyDistinct) {
        Dataset<Row> conformed = input.conformed();
        List<Column> columns = new ArrayList<>();
        columns.add(SurrogateKeys.hashKey(conformed.schema(), attributes).as(key));
        attributes.forEach(name -> columns.add(col(name)));
        Dataset<Row> rows =
                conformed.select(columns.toArray(Column[]::new)).filter(col(key).notEqual(lit(SurrogateKeys.UNKNOWN)));
        Dataset<Row> dimension = alreadyDistinct ? rows : rows.distinct();
        return BuiltTable.of(table, withUnknown(dimension, key), key);
    }

    /** {@code rows} plus the unknown member: key -1, attributes null, no conflict. */
    static Dataset<Row> withUnknown(Dataset<Row> rows, String key) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            Column value = field.name().equals(key)
                    ? lit(SurrogateKeys.UNKNOWN)
                    : field.name().equals(CONFLICT) ? lit(false) : lit(null);
            columns.add(value.cast(field.dataType()).as(field.name()));
        }
        Dataset<Row> unknown = rows.sparkSession().range(1).select(columns.toArray(Column[]::new));
        return rows.unionByName(unknown);
    }
}

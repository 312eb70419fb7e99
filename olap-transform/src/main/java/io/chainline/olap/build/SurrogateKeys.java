package io.chainline.olap.build;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Stable 64-bit surrogate keys: Spark's xxHash64 (fixed seed) of a canonical text of the natural attributes, so
 * the same attributes give the same key on every run and machine. The text joins each attribute's string form
 * (timestamps as epoch milliseconds, so the session time zone does not matter) with a separator and marks nulls,
 * so {@code (null, "a")} and {@code ("a", null)} differ. All attributes null is the unknown member, -1; a hash that
 * happens to be -1 becomes {@link Long#MAX_VALUE}.
 */
public final class SurrogateKeys {
    /** The key of every dimension's unknown member. */
    public static final long UNKNOWN = -1L;

    private static final String SEPARATOR = "\u001f";
    private static final String NULL = "\u0000";

    private SurrogateKeys() {}

    /** The key of the attributes {@code names} of a frame with {@code schema}. */
    public static Column hashKey(StructType schema, List<String> names) {
        requireNonNull(schema, "schema is null");
        Column allNull = lit(true);
        for (String name : names) {
            allNull = allNull.and(col(name).isNull());
        }
        Column hash = attributeHash(schema, names);
        return when(allNull, lit(UNKNOWN))
                .when(hash.equalTo(lit(UNKNOWN)), lit(Long.MAX_VALUE))
                .otherwise(hash);
    }

    /** A hash of the attributes {@code names} (nulls included), for telling attribute sets apart. */
    public static Column attributeHash(StructType schema, List<String> names) {
        requireNonNull(schema, "schema is null");
        requireNonNull(names, "names is null");
        Column[] parts = names.stream()
                .map(name -> coalesce(canonical(col(name), schema.apply(name).dataType()), lit(NULL)))
                .toArray(Column[]::new);
        return xxhash64(concat_ws(SEPARATOR, parts));
    }

    /** A natural id as the BIGINT key: the id, or -1 when it is missing. */
    public static Column naturalKey(Column id) {
        requireNonNull(id, "id is null");
        return coalesce(id.cast(DataTypes.LongType), lit(UNKNOWN));
    }

    private static Column canonical(Column value, DataType type) {
        return type.equals(DataTypes.TimestampType)
                ? unix_millis(value).cast(DataTypes.StringType)
                : value.cast(DataTypes.StringType);
    }
}

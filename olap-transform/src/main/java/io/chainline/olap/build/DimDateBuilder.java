package io.chainline.olap.build;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

/**
 * {@code dim_date}: one row per UTC order date, keyed by {@code date_key} ({@code yyyymmdd}); {@code weekday} is
 * ISO (1 Monday to 7 Sunday) and {@code week} the ISO week of the year.
 */
public final class DimDateBuilder implements TableBuilder {
    /** The table's name. */
    public static final String NAME = "dim_date";
    /** The key column. */
    public static final String KEY = "date_key";

    @Override
    public BuiltTable build(BuildInput input) {
        Dataset<Row> dates = input.conformed()
                .select(UtcDates.date(col("order_date")).as("date"))
                .filter(col("date").isNotNull())
                .distinct();
        Dataset<Row> rows = dates.select(
                UtcDates.dateKey(col("date")).as(KEY),
                col("date"),
                year(col("date")).as("year"),
                quarter(col("date")).as("quarter"),
                month(col("date")).as("month"),
                dayofmonth(col("date")).as("day"),
                weekday(col("date")).plus(1).as("weekday"),
                weekofyear(col("date")).as("week"));
        return BuiltTable.of(NAME, Dimensions.withUnknown(rows, KEY), KEY);
    }
}

package io.chainline.olap.build;

import org.apache.spark.sql.Column;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/** Calendar values of UTC instants, independent of the Spark session's time zone. */
public final class UtcDates {
    private UtcDates() {}

    /** The UTC date of a timestamp column. */
    public static Column date(Column timestamp) {
        requireNonNull(timestamp, "timestamp is null");
        return date_from_unix_date(floor(unix_seconds(timestamp).divide(86_400)).cast("int"));
    }

    /** The {@code yyyymmdd} key of a date column; -1 when it is null. */
    public static Column dateKey(Column date) {
        requireNonNull(date, "date is null");
        return when(date.isNull(), lit((int) SurrogateKeys.UNKNOWN))
                .otherwise(year(date)
                        .multiply(10_000)
                        .plus(month(date).multiply(100))
                        .plus(dayofmonth(date)));
    }
}

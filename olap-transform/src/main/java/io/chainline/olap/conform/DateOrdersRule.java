package io.chainline.olap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

/**
 * The source date-time forms {@code M/d/yyyy H:mm} and {@code M/d/yy H:mm} (20yy) as Spark expressions, read as
 * UTC whatever the session time zone: the instant is computed from the epoch day, never through a local time.
 * Impossible dates are reported with the parser's reasons (month, day of that month, hour, minute).
 */
final class DateOrdersRule {
    private static final String FORM = "^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2}) ([0-9]{1,2}):([0-9]{2})$";
    private static final String NOT_VALID = "is not a valid date: ";

    private DateOrdersRule() {}

    /** The instant of a clean text, null when it is not a valid date-time in either form. */
    static Column value(Column text) {
        Fields f = new Fields(text);
        // CASE runs a branch only when reached, so make_date sees valid fields only.
        Column valid = when(
                f.form.and(f.month.between(1, 12)).and(f.hour.leq(23)).and(f.minute.leq(59)),
                f.day.between(lit(1), f.daysInMonth()));
        Column seconds = unix_date(make_date(f.year, f.month, f.day))
                .cast(DataTypes.LongType)
                .multiply(86_400L)
                .plus(f.hour.multiply(3_600L))
                .plus(f.minute.multiply(60L));
        return when(valid, timestamp_seconds(seconds));
    }

    /** {@code checked} (empty and valid handled) completed with the reason of an invalid text. */
    static Column reason(Column text, Column checked) {
        Fields f = new Fields(text);
        return checked.when(f.form.unary_$bang(), lit("is not in the form M/d/yyyy H:mm or M/d/yy H:mm"))
                .when(f.month.lt(1).or(f.month.gt(12)), lit(NOT_VALID + "month must be 1 to 12"))
                .when(
                        f.day.lt(1).or(f.day.gt(f.daysInMonth())),
                        concat(
                                lit(NOT_VALID + "day must be 1 to "),
                                f.daysInMonth().cast("string"),
                                lit(" in "),
                                f.month.cast("string"),
                                lit("/"),
                                f.year.cast("string")))
                .when(f.hour.gt(23), lit(NOT_VALID + "hour must be 0 to 23"))
                .otherwise(lit(NOT_VALID + "minute must be 0 to 59"));
    }

    /** The fields of a text in either form (null when it is not in the form). */
    private static final class Fields {
        final Column form;
        final Column month;
        final Column day;
        final Column year;
        final Column hour;
        final Column minute;

        Fields(Column text) {
            form = text.rlike(FORM);
            month = field(text, 1);
            day = field(text, 2);
            Column yearNumber = field(text, 3);
            year = when(length(regexp_extract(text, FORM, 3)).equalTo(2), yearNumber.plus(2000))
                    .otherwise(yearNumber);
            hour = field(text, 4);
            minute = field(text, 5);
        }

        Column daysInMonth() {
            return dayofmonth(last_day(make_date(year, month, lit(1))));
        }

        private static Column field(Column text, int group) {
            return regexp_extract(text, FORM, group).cast(DataTypes.IntegerType);
        }
    }
}

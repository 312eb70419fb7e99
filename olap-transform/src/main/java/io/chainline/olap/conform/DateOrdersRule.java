package io.chainline.olap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import io.chainline.core.contract.DataCoColumn;

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

    private DateOrdersRule() {
    }

    static ConformedValue of(DataCoColumn column, Column raw, Column text, Column empty) {
        Column form = text.rlike(FORM);
        Column month = field(text, 1);
        Column day = field(text, 2);
        Column yearText = regexp_extract(text, FORM, 3);
        Column year = when(length(yearText).equalTo(2), field(text, 3).plus(2000)).otherwise(field(text, 3));
        Column hour = field(text, 4);
        Column minute = field(text, 5);
        // Evaluated only once the month is known to be valid (a CASE branch runs only when reached).
        Column daysInMonth = dayofmonth(last_day(make_date(year, month, lit(1))));
        Column problem = when(text.isNull(), empty)
                .when(form.unary_$bang(), ValueRules.problem(column, raw,
                        lit("is not in the form M/d/yyyy H:mm or M/d/yy H:mm")))
                .when(month.lt(1).or(month.gt(12)), ValueRules.problem(column, raw,
                        lit(NOT_VALID + "month must be 1 to 12")))
                .when(day.lt(1).or(day.gt(daysInMonth)), ValueRules.problem(column, raw,
                        concat(lit(NOT_VALID + "day must be 1 to "), daysInMonth.cast("string"), lit(" in "),
                                month.cast("string"), lit("/"), year.cast("string"))))
                .when(hour.gt(23), ValueRules.problem(column, raw, lit(NOT_VALID + "hour must be 0 to 23")))
                .when(minute.gt(59), ValueRules.problem(column, raw, lit(NOT_VALID + "minute must be 0 to 59")));
        Column seconds = unix_date(make_date(year, month, day)).cast(DataTypes.LongType).multiply(86_400L)
                .plus(hour.multiply(3_600L)).plus(minute.multiply(60L));
        return new ConformedValue(when(problem.isNull().and(text.isNotNull()), timestamp_seconds(seconds)), problem);
    }

    private static Column field(Column text, int group) {
        return regexp_extract(text, FORM, group).cast(DataTypes.IntegerType);
    }
}

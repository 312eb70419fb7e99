package io.chainline.olap.conform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.contract.DataCoValueParser;
import io.chainline.core.contract.ValueParseException;
import io.chainline.olap.SharedSpark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark rules accept and reject exactly what the core parser does, with the same values and reasons (quoting the
 * trimmed value), for every column type; the session's time zone (not UTC in these tests) does not move a timestamp.
 */
class ValueRulesIT {
    private static final List<String> NUMBERS = List.of(
            "12",
            " 12 ",
            "+7",
            "-3",
            "007",
            "",
            "   ",
            "1.5",
            "1,5",
            "1.,5",
            ",",
            "-,",
            "1e5,",
            "abc",
            "12x",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "99999999999999999999",
            "1.5E-7",
            "1.5e+3",
            "1.",
            ".5",
            "-0.25",
            "327.75",
            "NaN",
            "Infinity",
            "0x1A",
            "1e400",
            "\t42\n",
            "١٢");
    private static final List<String> COORDINATES =
            List.of("18.2514534", "-66.37054443", "90", "-90.0", "90.5", "-180", "180.0001", "1e2", "", "x");
    private static final List<String> DATES = List.of(
            "1/31/2018 22:56",
            "1/31/18 22:56",
            "12/1/2015 0:00",
            "2/29/2016 23:59",
            "2/29/2017 10:00",
            "2/30/18 1:00",
            "13/1/2018 1:00",
            "0/1/2018 1:00",
            "1/0/2018 1:00",
            "1/31/2018 24:00",
            "1/31/2018 23:60",
            "1/31/2018 1:5",
            "1/31/2018",
            "2018-01-31 22:56",
            "1/31/218 22:56",
            "01/05/2018 07:05",
            " 1/31/2018 22:56 ",
            "",
            "garbage");

    private final DataCoValueParser parser = new DataCoValueParser();

    @Test
    void integersMatchTheParser() {
        assertSameAsParser(DataCoColumn.ORDER_ITEM_QUANTITY, NUMBERS);
        assertSameAsParser(DataCoColumn.ORDER_ITEM_ID, NUMBERS);
    }

    @Test
    void decimalsMatchTheParser() {
        assertSameAsParser(DataCoColumn.SALES, NUMBERS);
    }

    @Test
    void doublesMatchTheParserIncludingCoordinateRanges() {
        assertSameAsParser(DataCoColumn.LATITUDE, NUMBERS);
        assertSameAsParser(DataCoColumn.LATITUDE, COORDINATES);
        assertSameAsParser(DataCoColumn.LONGITUDE, COORDINATES);
    }

    @Test
    void datesMatchTheParserInBothFormsAsUtc() {
        assertSameAsParser(DataCoColumn.ORDER_DATE, DATES);
    }

    @Test
    void stringsAreTrimmedAndBlankIsNull() {
        assertSameAsParser(DataCoColumn.PRODUCT_NAME, List.of("Smart watch ", "  ", "", "\tFitness\r\n", "a b"));
    }

    @Test
    void aProblemNamesTheColumnAndTheValue() {
        List<Row> rows = conform(DataCoColumn.SALES, List.of("abc", "1,5"));

        assertThat(rows.get(0).getString(2)).isEqualTo("Sales: 'abc' is not a decimal number");
        assertThat(rows.get(1).getString(2))
                .isEqualTo("Sales: '1,5' is not a decimal number: use '.' as the"
                        + " decimal separator and no thousands separators");
    }

    private void assertSameAsParser(DataCoColumn column, List<String> values) {
        List<Row> rows = conform(column, values);
        for (Row row : rows) {
            String raw = row.getString(0);
            Object expected;
            String expectedProblem;
            try {
                expected = parser.parse(column, raw);
                expectedProblem = null;
            } catch (ValueParseException e) {
                expected = null;
                expectedProblem = e.reason();
            }
            Object actual = row.get(1);
            String problem = row.getString(2);
            String what = column.header() + " '" + raw + "'";
            if (expected instanceof BigDecimal decimal
                    && decimal.setScale(9, RoundingMode.HALF_UP).precision() > 38) {
                assertThat(problem)
                        .as(what)
                        .isEqualTo(column.header() + ": '" + raw + "' is out of range for DECIMAL(38,9)");
            } else if (expectedProblem == null) {
                assertThat(problem).as(what + " problem").isNull();
                assertThat(normalise(actual)).as(what).isEqualTo(normalise(expected));
            } else if (expectedProblem.contains("out of range for a decimal")) {
                assertThat(problem).as(what).isNotNull();
            } else {
                String text = DataCoValueParser.clean(raw) == null ? "" : DataCoValueParser.clean(raw);
                assertThat(problem).as(what).isEqualTo(column.header() + ": '" + text + "' " + expectedProblem);
                assertThat(actual).as(what + " value").isNull();
            }
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value;
    }

    private static List<Row> conform(DataCoColumn column, List<String> values) {
        SparkSession spark = SharedSpark.session();
        List<String> rows = new ArrayList<>(values);
        Dataset<Row> raw = spark.createDataset(rows, Encoders.STRING()).toDF("raw");
        ConformedValue rule = ValueRules.of(column, col("raw"));
        List<Row> result = raw.select(
                        col("raw"), rule.value().as("value"), rule.problem().as("problem"))
                .collectAsList();
        assertThat(result).hasSize(values.size());
        return Arrays.asList(result.toArray(Row[]::new));
    }
}

package io.chainline.core.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainline.core.error.DataQualityException;

import static io.chainline.core.contract.DataCoColumn.BENEFIT_PER_ORDER;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.LATITUDE;
import static io.chainline.core.contract.DataCoColumn.LONGITUDE;
import static io.chainline.core.contract.DataCoColumn.ORDER_DATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_QUANTITY;
import static io.chainline.core.contract.DataCoColumn.ORDER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_NAME;
import static io.chainline.core.contract.DataCoColumn.SALES;
import static io.chainline.core.contract.DataCoColumn.SHIPPING_DATE;
import static io.chainline.core.contract.DataCoColumn.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DataCoValueParserTest {
    private static final String NOT_AN_INTEGER = "is not an integer";
    private static final String INT_RANGE = "is out of range for an integer";
    private static final String NOT_A_DECIMAL = "is not a decimal number";
    private static final String COMMA =
            "is not a decimal number: use '.' as the decimal separator" + " and no thousands separators";
    private static final String NOT_IN_FORM = "is not in the form M/d/yyyy H:mm or M/d/yy H:mm";

    private final DataCoValueParser parser = new DataCoValueParser();

    static Stream<Arguments> goodValues() {
        return Stream.of(
                arguments(TYPE, "DEBIT", "DEBIT"),
                arguments(PRODUCT_NAME, "Smart watch ", "Smart watch"),
                arguments(PRODUCT_NAME, "\t Smart watch\r\n", "Smart watch"),
                arguments(CUSTOMER_ZIPCODE, "00725", "00725"),
                arguments(CUSTOMER_ZIPCODE, "725.0", "725.0"),
                arguments(ORDER_ZIPCODE, "", null),
                arguments(ORDER_ZIPCODE, "   ", null),
                arguments(ORDER_ZIPCODE, null, null),
                arguments(ORDER_ITEM_ID, "180517", 180517),
                arguments(ORDER_ITEM_QUANTITY, "1", 1),
                arguments(ORDER_ITEM_QUANTITY, " 42 ", 42),
                arguments(ORDER_ITEM_QUANTITY, "+3", 3),
                arguments(ORDER_ITEM_QUANTITY, "-2", -2),
                arguments(ORDER_ITEM_QUANTITY, "007", 7),
                arguments(ORDER_ITEM_QUANTITY, "-0", 0),
                arguments(ORDER_ITEM_QUANTITY, "2147483647", Integer.MAX_VALUE),
                arguments(ORDER_ITEM_QUANTITY, "-2147483648", Integer.MIN_VALUE),
                arguments(ORDER_ITEM_QUANTITY, "", null),
                arguments(BENEFIT_PER_ORDER, "91.25", new BigDecimal("91.25")),
                arguments(BENEFIT_PER_ORDER, "-249.0899963", new BigDecimal("-249.0899963")),
                arguments(BENEFIT_PER_ORDER, "+0.5", new BigDecimal("0.5")),
                arguments(BENEFIT_PER_ORDER, "0", BigDecimal.ZERO),
                arguments(BENEFIT_PER_ORDER, "100", new BigDecimal("100")),
                arguments(BENEFIT_PER_ORDER, " 327.75 ", new BigDecimal("327.75")),
                arguments(BENEFIT_PER_ORDER, "1.5E-7", new BigDecimal("0.00000015")),
                arguments(BENEFIT_PER_ORDER, "1.5e-7", new BigDecimal("1.5E-7")),
                arguments(BENEFIT_PER_ORDER, "2E3", new BigDecimal("2E+3")),
                arguments(BENEFIT_PER_ORDER, "-1.25E+2", new BigDecimal("-125")),
                arguments(SALES, "", null),
                arguments(LATITUDE, "18.2514534", 18.2514534),
                arguments(LATITUDE, "-90", -90.0),
                arguments(LATITUDE, "90", 90.0),
                arguments(LATITUDE, "4.5E1", 45.0),
                arguments(LATITUDE, "", null),
                arguments(LONGITUDE, "-66.03705597", -66.03705597),
                arguments(LONGITUDE, "180", 180.0),
                arguments(LONGITUDE, "-180.0", -180.0),
                arguments(ORDER_DATE, "1/31/2018 22:56", Instant.parse("2018-01-31T22:56:00Z")),
                arguments(ORDER_DATE, "1/31/18 22:56", Instant.parse("2018-01-31T22:56:00Z")),
                arguments(ORDER_DATE, " 1/31/18 22:56 ", Instant.parse("2018-01-31T22:56:00Z")),
                arguments(ORDER_DATE, "01/05/2018 09:05", Instant.parse("2018-01-05T09:05:00Z")),
                arguments(ORDER_DATE, "1/5/18 9:05", Instant.parse("2018-01-05T09:05:00Z")),
                arguments(ORDER_DATE, "12/8/16 0:14", Instant.parse("2016-12-08T00:14:00Z")),
                arguments(ORDER_DATE, "2/29/2020 23:59", Instant.parse("2020-02-29T23:59:00Z")),
                arguments(ORDER_DATE, "12/31/99 0:00", Instant.parse("2099-12-31T00:00:00Z")),
                arguments(ORDER_DATE, "1/1/00 00:00", Instant.parse("2000-01-01T00:00:00Z")),
                arguments(ORDER_DATE, "", null),
                arguments(SHIPPING_DATE, "2/3/18 22:56", Instant.parse("2018-02-03T22:56:00Z")));
    }

    @ParameterizedTest
    @MethodSource("goodValues")
    void parsesGoodValues(DataCoColumn column, String raw, Object expected) {
        Object parsed = parser.parse(column, raw);

        assertThat(parsed).isEqualTo(expected);
        if (expected != null) {
            assertThat(parsed).isInstanceOf(column.type().javaType());
        }
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments(ORDER_ITEM_ID, "", "is required but empty"),
                arguments(ORDER_ITEM_ID, "  ", "is required but empty"),
                arguments(ORDER_ITEM_QUANTITY, "abc", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "1.0", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "1e3", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "+", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "-", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "--1", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "1 000", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "1,000", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "0x1F", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "\u0661\u0662", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "99999999999x", NOT_AN_INTEGER),
                arguments(ORDER_ITEM_QUANTITY, "2147483648", INT_RANGE),
                arguments(ORDER_ITEM_QUANTITY, "-2147483649", INT_RANGE),
                arguments(ORDER_ITEM_QUANTITY, "99999999999999999999999", INT_RANGE),
                arguments(BENEFIT_PER_ORDER, "1,5", COMMA),
                arguments(BENEFIT_PER_ORDER, "-249,0899963", COMMA),
                arguments(BENEFIT_PER_ORDER, "1.234,56", COMMA),
                arguments(BENEFIT_PER_ORDER, "1,234.56", COMMA),
                arguments(BENEFIT_PER_ORDER, "abc", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "NaN", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "Infinity", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "-Infinity", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "0x1p3", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "0x1F", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1.5f", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1.5d", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "10L", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1.", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, ".5", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1e", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1e+", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1.5E-7x", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "--1", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1 5", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "$5", NOT_A_DECIMAL),
                arguments(BENEFIT_PER_ORDER, "1E99999999999", "is out of range for a decimal"),
                arguments(LATITUDE, "90.0001", "is outside [-90, 90]"),
                arguments(LATITUDE, "-91", "is outside [-90, 90]"),
                arguments(LATITUDE, "1E400", "is out of range for a double"),
                arguments(LATITUDE, "NaN", NOT_A_DECIMAL),
                arguments(LATITUDE, "18,2514534", COMMA),
                arguments(LONGITUDE, "180.5", "is outside [-180, 180]"),
                arguments(LONGITUDE, "-181", "is outside [-180, 180]"),
                arguments(ORDER_DATE, "2/30/2018 10:00", "is not a valid date: day must be 1 to 28 in 2/2018"),
                arguments(ORDER_DATE, "2/29/18 10:00", "is not a valid date: day must be 1 to 28 in 2/2018"),
                arguments(ORDER_DATE, "4/31/2018 10:00", "is not a valid date: day must be 1 to 30 in 4/2018"),
                arguments(ORDER_DATE, "1/0/2018 10:00", "is not a valid date: day must be 1 to 31 in 1/2018"),
                arguments(ORDER_DATE, "13/1/2018 10:00", "is not a valid date: month must be 1 to 12"),
                arguments(ORDER_DATE, "0/1/2018 10:00", "is not a valid date: month must be 1 to 12"),
                arguments(ORDER_DATE, "1/1/2018 24:00", "is not a valid date: hour must be 0 to 23"),
                arguments(ORDER_DATE, "1/1/2018 9:60", "is not a valid date: minute must be 0 to 59"),
                arguments(ORDER_DATE, "1/31/2018 22:56:00", NOT_IN_FORM),
                arguments(ORDER_DATE, "2018-01-31 22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "2018-01-31T22:56:00Z", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018 22", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018 22:5", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018 222:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/218 22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/20180 22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "001/31/2018 22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1-31-2018 22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018T22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018  22:56", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018 22:56 UTC", NOT_IN_FORM),
                arguments(ORDER_DATE, "1/31/2018 10:56 PM", NOT_IN_FORM),
                arguments(SHIPPING_DATE, "yesterday", NOT_IN_FORM));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void rejectsBadValuesNamingColumnValueAndReason(DataCoColumn column, String raw, String reason) {
        assertThatThrownBy(() -> parser.parse(column, raw)).isInstanceOfSatisfying(ValueParseException.class, e -> {
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.value()).isEqualTo(raw);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e).hasMessage("Column '" + column.header() + "': value '" + raw + "' " + reason);
        });
    }

    @Test
    void rendersTheMessageNamingColumnValueAndExpectation() {
        assertThatThrownBy(() -> parser.parseInt(ORDER_ITEM_QUANTITY, "abc"))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("Column 'Order Item Quantity': value 'abc' is not an integer");
        assertThatThrownBy(() -> parser.parseDouble(LATITUDE, " 95.5"))
                .hasMessage("Column 'Latitude': value ' 95.5' is outside [-90, 90]");
    }

    @Test
    void reportsAnAbsentRequiredValueAsEmpty() {
        assertThatThrownBy(() -> parser.parseInt(ORDER_ITEM_ID, null))
                .isInstanceOfSatisfying(ValueParseException.class, e -> {
                    assertThat(e.value()).isEmpty();
                    assertThat(e).hasMessage("Column 'Order Item Id': value '' is required but empty");
                });
    }

    @Test
    void keepsMessagesOnOneLineAndBounded() {
        String longValue = "x".repeat(150);

        assertThatThrownBy(() -> parser.parseTimestamp(ORDER_DATE, "1/31/2018\n22:56"))
                .hasMessage("Column 'order date (DateOrders)': value '1/31/2018\\n22:56' " + NOT_IN_FORM);
        assertThatThrownBy(() -> parser.parseInt(ORDER_ITEM_QUANTITY, longValue))
                .isInstanceOfSatisfying(ValueParseException.class, e -> {
                    assertThat(e.value()).isEqualTo(longValue);
                    assertThat(e)
                            .hasMessage("Column 'Order Item Quantity': value '" + "x".repeat(100)
                                    + "...(150 chars)' is not an integer");
                });
    }

    @Test
    void typedMethodsReturnTheirTypes() {
        assertThat(parser.parseString(TYPE, " CASH ")).isEqualTo("CASH");
        assertThat(parser.parseInt(ORDER_ITEM_QUANTITY, "3")).isEqualTo(3);
        assertThat(parser.parseDecimal(SALES, "327.75")).isEqualTo(new BigDecimal("327.75"));
        assertThat(parser.parseDouble(LONGITUDE, "-66.03705597")).isEqualTo(-66.03705597);
        assertThat(parser.parseTimestamp(ORDER_DATE, "1/31/18 22:56"))
                .isEqualTo(parser.parseTimestamp(ORDER_DATE, "1/31/2018 22:56"))
                .isEqualTo(Instant.parse("2018-01-31T22:56:00Z"));
    }

    @Test
    void typedMethodsRejectColumnsOfAnotherType() {
        assertThatThrownBy(() -> parser.parseInt(LATITUDE, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'Latitude' has type DOUBLE, not INT");
        assertThatThrownBy(() -> parser.parseString(ORDER_DATE, "1/31/18 22:56"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'order date (DateOrders)' has type TIMESTAMP, not STRING");
        assertThatThrownBy(() -> parser.parse(null, "1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("column is null");
    }

    @Test
    void cleanTrimsAndTurnsEmptyIntoNull() {
        assertThat(DataCoValueParser.clean(null)).isNull();
        assertThat(DataCoValueParser.clean("")).isNull();
        assertThat(DataCoValueParser.clean(" \t\r\n")).isNull();
        assertThat(DataCoValueParser.clean("\u2003")).isNull();
        assertThat(DataCoValueParser.clean(" Smart watch ")).isEqualTo("Smart watch");
        assertThat(DataCoValueParser.clean("a b")).isEqualTo("a b");
    }
}

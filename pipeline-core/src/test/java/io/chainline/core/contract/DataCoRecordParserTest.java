package io.chainline.core.contract;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.chainline.core.contract.DataCoColumn.LATITUDE;
import static io.chainline.core.contract.DataCoColumn.ORDER_DATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_QUANTITY;
import static io.chainline.core.contract.DataCoColumn.ORDER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_NAME;
import static io.chainline.core.contract.DataCoColumn.SALES;
import static io.chainline.core.contract.DataCoColumn.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCoRecordParserTest {
    private final DataCoRecordParser parser = new DataCoRecordParser(new DataCoValueParser());

    @Test
    void parsesAValidRowIntoTypedValues() {
        RecordParseResult result = parser.parse(DataCoSample.firstRow());

        assertThat(result.isValid()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.describeProblems()).isEmpty();
        ParsedRecord record = result.record().orElseThrow();
        assertThat(record.get(TYPE)).isEqualTo("DEBIT");
        assertThat(record.get(ORDER_ITEM_QUANTITY)).isEqualTo(1);
        assertThat(record.getAs(SALES, BigDecimal.class)).isEqualTo(new BigDecimal("327.75"));
        assertThat(record.values()).hasSize(51).doesNotContainKey(ORDER_ZIPCODE);
        assertThat(record.values().keySet()).first().isEqualTo(TYPE);
    }

    @Test
    void reportsEveryBadValueOfARowInColumnOrder() {
        Map<String, String> row = DataCoSample.firstRow();
        row.put("Order Item Quantity", "abc");
        row.put("Latitude", "95");
        row.put("order date (DateOrders)", "2/30/2018 10:00");
        row.put("Sales", "327,75");

        RecordParseResult result = parser.parse(row);

        assertThat(result.isValid()).isFalse();
        assertThat(result.record()).isEmpty();
        assertThat(result.problems())
                .extracting(ValueParseException::column)
                .containsExactly(LATITUDE, ORDER_DATE, ORDER_ITEM_QUANTITY, SALES);
        assertThat(result.describeProblems())
                .isEqualTo("Column 'Latitude': value '95' is outside [-90, 90]; "
                        + "Column 'order date (DateOrders)': value '2/30/2018 10:00' is not a valid date: "
                        + "day must be 1 to 28 in 2/2018; "
                        + "Column 'Order Item Quantity': value 'abc' is not an integer; "
                        + "Column 'Sales': value '327,75' is not a decimal number: use '.' as the decimal separator"
                        + " and no thousands separators");
    }

    @Test
    void reportsAMissingOrderItemId() {
        Map<String, String> row = DataCoSample.firstRow();
        row.remove("Order Item Id");

        RecordParseResult result = parser.parse(row);

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(ORDER_ITEM_ID);
            assertThat(problem.value()).isEmpty();
            assertThat(problem.reason()).isEqualTo("is required but empty");
        });
        assertThat(result.describeProblems()).isEqualTo("Column 'Order Item Id': value '' is required but empty");
    }

    @Test
    void reportsABlankOrderItemId() {
        Map<String, String> row = DataCoSample.firstRow();
        row.put("Order Item Id", "  ");

        assertThat(parser.parse(row).describeProblems())
                .isEqualTo("Column 'Order Item Id': value '  ' is required but empty");
    }

    @Test
    void ignoresUnknownColumns() {
        Map<String, String> row = DataCoSample.firstRow();
        row.put("Extra", "not a number");
        row.put("order_item_id", "x");
        row.put("order item id", "x");

        RecordParseResult result = parser.parse(row);

        assertThat(result.isValid()).isTrue();
        assertThat(result.record().orElseThrow().get(ORDER_ITEM_ID)).isEqualTo(180517);
    }

    @Test
    void treatsAbsentOrNullOptionalValuesAsEmpty() {
        Map<String, String> row = new HashMap<>(DataCoSample.firstRow());
        row.remove("Product Name");
        row.put("Latitude", null);

        RecordParseResult result = parser.parse(row);

        assertThat(result.isValid()).isTrue();
        assertThat(result.record().orElseThrow().get(PRODUCT_NAME)).isNull();
        assertThat(result.record().orElseThrow().getAs(LATITUDE, Double.class)).isNull();
    }

    @Test
    void parsesARowWithOnlyTheRequiredColumn() {
        RecordParseResult result = parser.parse(Map.of("Order Item Id", "7"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.record().orElseThrow().values()).containsExactly(Map.entry(ORDER_ITEM_ID, 7));
    }

    @Test
    void getAsRejectsAnotherJavaType() {
        ParsedRecord record = parser.parse(DataCoSample.firstRow()).record().orElseThrow();

        assertThatThrownBy(() -> record.getAs(SALES, Double.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'Sales' holds BigDecimal values, not Double");
    }

    @Test
    void parsedRecordIsImmutableAndChecksTypes() {
        ParsedRecord record = parser.parse(DataCoSample.firstRow()).record().orElseThrow();

        assertThatThrownBy(() -> record.values().put(ORDER_ZIPCODE, "1"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new ParsedRecord(Map.of(ORDER_ITEM_ID, "180517")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'Order Item Id' holds Integer values, not String");
        assertThat(new ParsedRecord(record.values())).isEqualTo(record).hasSameHashCodeAs(record);
    }

    @Test
    void resultsAreEitherValidOrCarryProblems() {
        assertThatThrownBy(() -> RecordParseResult.invalid(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an invalid row needs at least one problem");
        assertThatThrownBy(() -> parser.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("row is null");
    }
}

package io.chainline.core.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.chainline.core.contract.DataCoColumn.LATITUDE;
import static io.chainline.core.contract.DataCoColumn.ORDER_DATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_STATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_NAME;
import static io.chainline.core.contract.DataCoColumn.SALES;
import static io.chainline.core.contract.DataCoColumn.SHIPPING_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract against real rows: every row of the bundled DataCo sample must parse cleanly. */
class DataCoSampleTest {
    private final DataCoRecordParser parser = new DataCoRecordParser(new DataCoValueParser());

    @Test
    void everySampleRowParsesWithoutProblems() {
        List<Map<String, String>> rows = DataCoSample.rows();

        assertThat(rows).hasSize(DataCoSample.ROW_COUNT);
        for (int i = 0; i < rows.size(); i++) {
            RecordParseResult result = parser.parse(rows.get(i));
            assertThat(result.problems())
                    .as("row %d: %s", i + 1, result.describeProblems())
                    .isEmpty();
            assertThat(result.isValid()).isTrue();
        }
    }

    @Test
    void everySampleRowHasADistinctOrderItemId() {
        assertThat(DataCoSample.rows().stream()
                        .map(row -> parser.parse(row).record().orElseThrow().getAs(ORDER_ITEM_ID, Integer.class)))
                .hasSize(DataCoSample.ROW_COUNT)
                .doesNotHaveDuplicates()
                .doesNotContainNull();
    }

    @Test
    void firstRowHasTheExpectedValues() {
        ParsedRecord record = parser.parse(DataCoSample.firstRow()).record().orElseThrow();

        assertThat(record.getAs(ORDER_ITEM_ID, Integer.class)).isEqualTo(180517);
        assertThat(record.getAs(ORDER_DATE, Instant.class)).isEqualTo(Instant.parse("2018-01-31T22:56:00Z"));
        assertThat(record.getAs(SHIPPING_DATE, Instant.class)).isEqualTo(Instant.parse("2018-02-03T22:56:00Z"));
        assertThat(record.getAs(PRODUCT_NAME, String.class)).isEqualTo("Smart watch");
        assertThat(record.getAs(LATITUDE, Double.class)).isEqualTo(18.2514534);
        assertThat(record.getAs(SALES, BigDecimal.class)).isEqualTo(new BigDecimal("327.75"));
        assertThat(record.get(ORDER_ZIPCODE)).isNull();
    }

    @Test
    void readsNonAsciiNamesAsUtf8() {
        ParsedRecord second = parser.parse(DataCoSample.rows().get(1)).record().orElseThrow();

        assertThat(second.getAs(ORDER_STATE, String.class)).isEqualTo("Rajast\u00e1n");
    }
}

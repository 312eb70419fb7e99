package io.chainline.core.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The fast checks ({@link DataCoValueParser#isValid}, {@link DataCoRecordParser#isValid}) agree with the full
 * parsers on every value table of {@link DataCoValueParserTest}, on the sample and on generated values.
 */
class DataCoValidityCheckTest {
    private static final String[] FRAGMENTS = {
        "",
        " ",
        "\t",
        "0",
        "1",
        "9",
        "12",
        "007",
        "-",
        "+",
        ".",
        ",",
        "e",
        "E",
        "E+",
        "e-",
        "/",
        ":",
        "2147483648",
        "99999999999",
        "1E2147483648",
        "1/31/2018 22:56",
        "2/29/2019",
        "13",
        "31",
        "24",
        "60",
        "x",
        "NaN",
        "Infinity",
        "\u0663",
        "\u2003",
        "1e400",
        "90.0000001",
        "-180.5"
    };

    private final DataCoValueParser values = new DataCoValueParser();
    private final DataCoRecordParser records = new DataCoRecordParser(values);

    static Stream<Arguments> tableValues() {
        return Stream.concat(DataCoValueParserTest.goodValues(), DataCoValueParserTest.badValues())
                .map(arguments -> arguments(arguments.get()[0], arguments.get()[1]));
    }

    @ParameterizedTest
    @MethodSource("tableValues")
    void agreesWithTheParserOnTheValueTables(DataCoColumn column, String raw) {
        for (DataCoColumn other : DataCoColumn.values()) {
            assertThat(values.isValid(other, raw)).as("%s %s", other, raw).isEqualTo(accepts(other, raw));
        }
        assertThat(values.isValid(column, raw)).isEqualTo(accepts(column, raw));
    }

    @Test
    void agreesWithTheParserOnGeneratedValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                raw.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String value = raw.toString();
            for (DataCoColumn column : DataCoColumn.values()) {
                assertThat(values.isValid(column, value))
                        .as("%s '%s'", column, value)
                        .isEqualTo(accepts(column, value));
            }
        }
    }

    @Test
    void agreesWithTheParserOnSampleRowsAndBrokenCopiesOfThem() {
        List<Map<String, String>> rows = new ArrayList<>(DataCoSample.rows());
        SplittableRandom random = new SplittableRandom(7);
        for (Map<String, String> sample : DataCoSample.rows()) {
            for (int i = 0; i < 20; i++) {
                Map<String, String> broken = new LinkedHashMap<>(sample);
                DataCoColumn column = DataCoColumn.values()[random.nextInt(DataCoColumn.values().length)];
                broken.put(column.header(), FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                if (random.nextInt(10) == 0) {
                    broken.remove(DataCoColumn.ORDER_ITEM_ID.header());
                }
                rows.add(broken);
            }
        }
        int invalid = 0;
        for (Map<String, String> row : rows) {
            boolean valid = records.parse(row).isValid();
            assertThat(records.isValid(row)).as("%s", row).isEqualTo(valid);
            invalid += valid ? 0 : 1;
        }
        assertThat(invalid).as("broken copies that are invalid").isGreaterThan(300);
        assertThat(rows.size() - invalid).as("valid rows").isGreaterThan(DataCoSample.ROW_COUNT);
    }

    private boolean accepts(DataCoColumn column, String raw) {
        try {
            values.parse(column, raw);
            return true;
        } catch (ValueParseException e) {
            return false;
        }
    }
}

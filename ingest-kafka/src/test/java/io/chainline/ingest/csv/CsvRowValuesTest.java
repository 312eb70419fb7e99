package io.chainline.ingest.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowValuesTest {
    private final CsvRowValues.Columns columns =
            new CsvRowValues.Columns(new String[] {new String("Order Item Id"), "Extra", "Type"});

    @Test
    void behavesLikeAnOrderedMapOfTheRecord() {
        Map<String, String> values = new CsvRowValues(columns, new String[] {"7", "", "DEBIT"});
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Order Item Id", "7");
        expected.put("Extra", "");
        expected.put("Type", "DEBIT");

        assertThat(values).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(values);
        assertThat(List.copyOf(values.keySet())).containsExactly("Order Item Id", "Extra", "Type");
        assertThat(values.get("Order Item Id")).isEqualTo("7");
        assertThat(values.get("Missing")).isNull();
        assertThat(values.containsKey("Extra")).isTrue();
        assertThat(values.containsKey("Missing")).isFalse();
        assertThat(values).hasToString(expected.toString());
    }

    @Test
    void isUnmodifiable() {
        Map<String, String> values = new CsvRowValues(columns, new String[] {"7", "", "DEBIT"});
        assertThatThrownBy(() -> values.put("Type", "CASH")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> values.entrySet().iterator().next().setValue("8"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAValueCountOtherThanTheColumns() {
        assertThatThrownBy(() -> new CsvRowValues(columns, new String[] {"7"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 values for 3 columns");
    }
}

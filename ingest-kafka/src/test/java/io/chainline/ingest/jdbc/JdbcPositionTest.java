package io.chainline.ingest.jdbc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPositionTest {
    @Test
    void aPositionKeepsItsCursorValueAndTheKeysSentWithIt() {
        String text = JdbcPosition.text("2018-01-31T22:56:00Z", new LinkedHashSet<>(List.of("12", "7")));

        JdbcPosition position = JdbcPosition.parse(text);

        assertThat(text).isEqualTo("{\"cursor\":\"2018-01-31T22:56:00Z\",\"keys\":[\"12\",\"7\"]}");
        assertThat(position.cursor()).isEqualTo("2018-01-31T22:56:00Z");
        assertThat(position.keys()).containsExactlyInAnyOrder("12", "7");
        assertThat(position.describe()).isEqualTo("cursor value 2018-01-31T22:56:00Z (2 rows of it sent)");
    }

    @Test
    void aPlainCursorValueOfAnEarlierVersionHasNoKeys() {
        JdbcPosition position = JdbcPosition.parse("300");

        assertThat(position.cursor()).isEqualTo("300");
        assertThat(position.keys()).isEmpty();
        assertThat(position.describe()).isEqualTo("cursor value 300");
    }

    @Test
    void aRowWithoutAnOrderItemIdIsKnownByAHashNotItsText() {
        assertThat(JdbcPosition.keyOf(Map.of("Order Item Id", " 42 "), "x")).isEqualTo("42");
        assertThat(JdbcPosition.keyOf(Map.of("Customer Email", "jane@example.com"), "jane@example.com"))
                .matches("#[0-9a-f]{16}")
                .isEqualTo(JdbcPosition.keyOf(Map.of(), "jane@example.com"));
    }

    @Test
    void aNewCursorValueStartsANewSetOfKeysAndTooManyTiesAreRefused() {
        TiedKeys ties =
                new TiedKeys(JdbcPosition.parse(JdbcPosition.text("5", new LinkedHashSet<>(List.of("1")))), "batch");

        assertThat(JdbcPosition.parse(ties.add("5", "2")).keys()).containsExactlyInAnyOrder("1", "2");
        assertThat(JdbcPosition.parse(ties.add("6", "3")).keys()).containsExactly("3");
        for (int i = 0; i < TiedKeys.MAX_TIED_ROWS - 1; i++) {
            ties.add("6", "k" + i);
        }
        assertThatThrownBy(() -> ties.add("6", "one too many"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 'batch' for 'chainline.ingest.jdbc.cursor-column': more than"
                        + " 1000 rows share its value 6");
    }
}

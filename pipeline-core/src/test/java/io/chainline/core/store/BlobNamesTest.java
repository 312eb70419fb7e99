package io.chainline.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobNamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "silver/_manifest.json",
                "raw_streaming/dt=20261125T12/t+id+0+1-9.avro",
                "a b/ünïcode",
                ".hidden",
                "a/..b/c.",
                "x/...",
                "v=1/part-0.parquet"
            })
    void acceptsValidNames(String name) {
        assertThat(BlobNames.validate(name)).isEqualTo(name);
        assertThat(BlobNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../x|Invalid object name '../x': '..' segments are not allowed",
                "a/./b|Invalid object name 'a/./b': '.' segments are not allowed",
                "/abs|Invalid object name '/abs': it must be relative (no leading '/')",
                "a//b|Invalid object name 'a//b': empty segments ('//' or a trailing '/') are not allowed",
                "a/|Invalid object name 'a/': empty segments ('//' or a trailing '/') are not allowed",
                "a\\b|Invalid object name 'a\\b': backslashes are not allowed; separate segments with '/'",
                "x/.chainline-tmp-1|Invalid object name 'x/.chainline-tmp-1': segments starting with '.chainline-' are "
                        + "reserved for the store's own files",
            })
    void rejectsInvalidNamesNamingTheRule(String name, String message) {
        assertThatThrownBy(() -> BlobNames.validate(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThat(BlobNames.isValid(name)).isFalse();
    }

    @Test
    void rejectsEmptyControlCharactersAndOverlongNames() {
        assertThatThrownBy(() -> BlobNames.validate("")).hasMessage("Invalid object name '': it must not be empty");
        assertThatThrownBy(() -> BlobNames.validate("a\nb"))
                .hasMessage("Invalid object name 'a\\u000ab': control characters are not allowed");
        assertThatThrownBy(() -> BlobNames.validate("x".repeat(1025)))
                .hasMessageEndingWith("it must be at most 1024 bytes in UTF-8");
        assertThat(BlobNames.isValid(null)).isFalse();
    }

    @Test
    void prefixesMayBeEmptyOrEndWithASlash() {
        assertThat(BlobNames.validatePrefix("")).isEmpty();
        assertThat(BlobNames.validatePrefix("silver/")).isEqualTo("silver/");
        assertThat(BlobNames.validatePrefix("silver/fact_")).isEqualTo("silver/fact_");
        assertThatThrownBy(() -> BlobNames.validatePrefix("/"))
                .hasMessage("Invalid object name prefix '/': it must be relative (no leading '/')");
        assertThatThrownBy(() -> BlobNames.validatePrefix("a//"))
                .hasMessage(
                        "Invalid object name prefix 'a//': empty segments ('//' or a trailing '/') are not allowed");
        assertThatThrownBy(() -> BlobNames.validatePrefix("../"))
                .hasMessage("Invalid object name prefix '../': '..' segments are not allowed");
    }
}

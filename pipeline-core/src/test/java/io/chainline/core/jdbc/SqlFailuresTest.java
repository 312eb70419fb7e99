package io.chainline.core.jdbc;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "53300", "57P01", "40P01", "40001"})
    void connectionResourceShutdownAndRollbackClassesAreRetriable(String state) {
        SQLException cause = new SQLException("gone", state);

        ChainlineException translated = SqlFailures.translate("Writing 3 records to bronze table raw.t", cause);

        assertThat(translated)
                .isInstanceOf(RetriableException.class)
                .hasCause(cause)
                .hasMessage("Writing 3 records to bronze table raw.t failed: gone (SQLState " + state + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"22P02", "42501", "42P01", "23502"})
    void dataPrivilegeAndShapeFailuresAreNot(String state) {
        ChainlineException translated = SqlFailures.translate("Writing", new SQLException("no", state));

        assertThat(translated)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageEndingWith("(SQLState " + state + ")");
    }

    @Test
    void passwordsInDriverMessagesAreMasked() {
        ChainlineException translated =
                SqlFailures.translate("Connecting", new SQLException("bad url jdbc:postgresql://db/x?password=s3cret"));

        assertThat(translated.getMessage()).doesNotContain("s3cret").doesNotContain("SQLState");
    }
}

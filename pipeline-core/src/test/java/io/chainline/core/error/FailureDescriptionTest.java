package io.chainline.core.error;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureDescriptionTest {

    @Test
    void aBareInitializerErrorNamesItsRootCause() {
        ExceptionInInitializerError failure = new ExceptionInInitializerError(new IllegalStateException(
                "Scala module 2.16.2 requires Jackson Databind version >= 2.16.0 and < 2.17.0 - Found 2.18.2"));

        assertThat(FailureDescription.of(failure))
                .isEqualTo("java.lang.ExceptionInInitializerError (caused by IllegalStateException: Scala module"
                        + " 2.16.2 requires Jackson Databind version >= 2.16.0 and < 2.17.0 - Found 2.18.2)");
    }

    @Test
    void aMessageThatAlreadyQuotesItsCauseIsLeftAlone() {
        IOException io = new IOException("disk full");
        ChainlineException failure = new ChainlineException("cannot write part-1: disk full", io);

        assertThat(FailureDescription.of(failure)).isEqualTo("cannot write part-1: disk full");
    }

    @Test
    void theRootIsTheInnermostCause() {
        IOException io = new IOException("connection refused");
        RuntimeException failure = new ChainlineException("cannot load", new UncheckedIOException("read", io));

        assertThat(FailureDescription.of(failure)).isEqualTo("cannot load (caused by IOException: connection refused)");
        assertThat(FailureDescription.rootCause(failure)).isSameAs(io);
    }

    @Test
    void aFailureWithoutMessageOrCauseIsNamedByItsClass() {
        assertThat(FailureDescription.of(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}

package io.chainline.core.error;

import java.util.List;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Provides;
import com.google.inject.ProvisionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ErrorKindTest {

    @Test
    void eachSubtypeIsItsKindAndAnythingElseIsInternal() {
        assertThat(ErrorKind.of(new ConfigException("bad key"))).isEqualTo(ErrorKind.CONFIG);
        assertThat(ErrorKind.of(new RetriableException("later"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(ErrorKind.of(new DataQualityException("bad row"))).isEqualTo(ErrorKind.DATA_QUALITY);
        assertThat(ErrorKind.of(new ChainlineException("failed"))).isEqualTo(ErrorKind.ERROR);
        assertThat(ErrorKind.of(new NullPointerException())).isEqualTo(ErrorKind.INTERNAL);
        assertThat(List.of(ErrorKind.values()))
                .extracting(ErrorKind::label)
                .containsExactly("config", "retriable", "data-quality", "error", "internal");
    }

    @Test
    void theKindSurvivesWrappingInCausesAndInGuiceProvisionErrors() {
        Throwable provision = catchThrowable(() -> Guice.createInjector(new AbstractModule() {
                    @Provides
                    String key() {
                        throw new ConfigException("Invalid value 'x' for 'chainline.store.gcs.credentials-file'");
                    }
                })
                .getInstance(String.class));

        assertThat(provision).isInstanceOf(ProvisionException.class);
        assertThat(ErrorKind.of(provision)).isEqualTo(ErrorKind.CONFIG);
        assertThat(FailureDescription.of(provision))
                .isEqualTo("Invalid value 'x' for 'chainline.store.gcs.credentials-file'");
        assertThat(ErrorKind.of(new ChainlineException("Cannot start", new RetriableException("timeout"))))
                .isEqualTo(ErrorKind.RETRIABLE);
        assertThat(ErrorKind.of(new IllegalStateException(new DataQualityException("bad"))))
                .isEqualTo(ErrorKind.DATA_QUALITY);
    }
}

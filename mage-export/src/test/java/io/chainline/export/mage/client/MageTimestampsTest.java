package io.chainline.export.mage.client;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chainline.core.error.DataQualityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MageTimestampsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-04-01 00:36:23.507282+00:00 | 2023-04-01T00:36:23.507282Z",
                "2023-04-01 02:36:23.507282+02:00 | 2023-04-01T00:36:23.507282Z",
                "2024-05-27 03:27:17              | 2024-05-27T03:27:17Z",
                "2024-05-27 03:27:17.5            | 2024-05-27T03:27:17.500Z",
                "2024-05-27T03:27:17.123456       | 2024-05-27T03:27:17.123456Z",
                "2024-05-27T03:27:17.123456+00:00 | 2024-05-27T03:27:17.123456Z",
                "2024-05-27T03:27:17Z             | 2024-05-27T03:27:17Z",
                "2024-05-27 03:27:17+0000         | 2024-05-27T03:27:17Z",
                "2024-05-27 03:27                 | 2024-05-27T03:27:00Z"
            })
    void everyFormMageWritesIsRead(String text, String expected) {
        assertThat(MageTimestamps.parse(text)).contains(Instant.parse(expected));
    }

    @Test
    void nullAndBlankAreAbsent() {
        assertThat(MageTimestamps.parse(null)).isEmpty();
        assertThat(MageTimestamps.parse(" ")).isEmpty();
    }

    @Test
    void anythingElseIsNamed() {
        assertThatThrownBy(() -> MageTimestamps.parse("27/05/2024"))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("Invalid Mage datetime '27/05/2024': expected a form such as");
    }
}

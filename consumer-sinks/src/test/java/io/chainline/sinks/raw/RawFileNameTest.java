package io.chainline.sinks.raw;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawFileNameTest {
    private static final long HOUR = Instant.parse("2018-01-31T22:00:00Z").getEpochSecond() / 3600;

    @Test
    void aNameIsItsFolderAndCoordinatesAndParsesBack() {
        RawFileName name = new RawFileName("supply_chain_data", "q7XyZ0c1Tt-Fl3mXb8O_2A", 4, HOUR, 120, 4999);

        String objectName = name.objectName("lake/raw_streaming", ".avro");

        assertThat(objectName)
                .isEqualTo(
                        "lake/raw_streaming/dt=20180131T22/supply_chain_data+q7XyZ0c1Tt-Fl3mXb8O_2A+4+120-4999.avro");
        assertThat(RawFileName.parse(objectName)).contains(name);
        assertThat(RawFileName.parse(name.objectName("raw", ".jsonl"))).contains(name);
    }

    @Test
    void otherObjectsAreNotRawFiles() {
        for (String other : new String[] {
            "raw/dt=20180131T22/readme.txt",
            "raw/supply+id+0+1-2.avro",
            "raw/dt=2018013122/t+id+0+1-2.avro",
            "raw/dt=20181331T22/t+id+0+1-2.avro",
            "raw/dt=20180131T22/t+id+0+2-1.avro",
            "raw/dt=20180131T22/t+id+x+1-2.avro",
            "raw/dt=20180131T22/t+id+0+12.avro",
            "raw/dt=20180131T22/t+id+0+1-2+3.avro",
            "dt=20180131T22/t+id+0+1-2.parquet",
            "t+id+0+1-2.avro"
        }) {
            assertThat(RawFileName.parse(other)).as(other).isEqualTo(Optional.empty());
        }
        assertThat(RawFileName.parse("dt=20180131T22/t+id+0+1-2.avro")).isPresent();
    }
}

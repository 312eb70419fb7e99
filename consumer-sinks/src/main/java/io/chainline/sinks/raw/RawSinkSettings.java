package io.chainline.sinks.raw;

import java.time.Duration;

import com.typesafe.config.Config;
import org.apache.avro.file.CodecFactory;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.sinks.raw}: where the raw files go, their format and when an open file is published.
 *
 * @param prefix folder of the raw files under the store root, e.g. {@code raw_streaming}
 * @param format the file format
 * @param codec the Avro compression codec (ignored for json-lines)
 * @param partitionBy which timestamp picks a record's hour folder
 * @param rotateRecords publish a file once it holds this many records
 * @param rotateBytes publish a file once it has this many bytes
 * @param rotateAge publish a file once it has been open this long
 */
public record RawSinkSettings(
        String prefix,
        Format format,
        Codec codec,
        PartitionBy partitionBy,
        long rotateRecords,
        long rotateBytes,
        Duration rotateAge) {
    /** The smallest {@code rotate-bytes}. */
    public static final long MIN_ROTATE_BYTES = 1024;
    /** The shortest {@code rotate-age}. */
    public static final Duration MIN_ROTATE_AGE = Duration.ofSeconds(1);

    /** Raw file formats. */
    public enum Format {
        /** Avro container files of {@link io.chainline.core.raw.RawRecordSchema}. */
        AVRO(".avro"),
        /** One JSON object {@code {"data": {...}, "metadata": {...}}} per line. */
        JSON_LINES(".jsonl");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file name extension, with its dot. */
        public String extension() {
            return extension;
        }
    }

    /** Avro compression codecs. */
    public enum Codec {
        /** Zstandard (level 3): small files, fast to read. */
        ZSTANDARD,
        /** Snappy: fastest. */
        SNAPPY,
        /** Deflate (level 6): the most portable. */
        DEFLATE,
        /** No compression. */
        NULL;

        /** Avro's codec factory for this codec. */
        public CodecFactory avroCodec() {
            return switch (this) {
                case ZSTANDARD -> CodecFactory.zstandardCodec(CodecFactory.DEFAULT_ZSTANDARD_LEVEL);
                case SNAPPY -> CodecFactory.snappyCodec();
                case DEFLATE -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
                case NULL -> CodecFactory.nullCodec();
            };
        }
    }

    /** Which timestamp of a record picks its {@code dt=YYYYMMDDTHH} folder. */
    public enum PartitionBy {
        /** The Kafka record timestamp, UTC. */
        KAFKA_TIME,
        /** The order date, {@code order date (DateOrders)}; the Kafka timestamp when it is absent or unparsable. */
        EVENT_TIME
    }

    /** Checks that every component is present and every threshold positive. */
    public RawSinkSettings {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(format, "format is null");
        requireNonNull(codec, "codec is null");
        requireNonNull(partitionBy, "partitionBy is null");
        requireNonNull(rotateAge, "rotateAge is null");
        if (rotateRecords < 1 || rotateBytes < 1 || rotateAge.isNegative() || rotateAge.isZero()) {
            throw new IllegalArgumentException("Rotation thresholds must be positive, got " + rotateRecords
                    + " records, " + rotateBytes + " bytes, " + rotateAge);
        }
    }

    /** Reads and validates {@code chainline.sinks.raw}, reporting every problem at once. */
    public static RawSinkSettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader read = SettingsReader.of(config, "chainline.sinks.raw");
        String prefix = read.objectFolder("prefix");
        Format format = read.enumValue("format", Format.class, Format.AVRO);
        Codec codec = read.enumValue("codec", Codec.class, Codec.ZSTANDARD);
        PartitionBy partitionBy = read.enumValue("partition-by", PartitionBy.class, PartitionBy.KAFKA_TIME);
        long rotateRecords = read.longBetween("rotate-records", 1, Long.MAX_VALUE);
        long rotateBytes = read.bytes("rotate-bytes", MIN_ROTATE_BYTES);
        Duration rotateAge = read.duration("rotate-age", MIN_ROTATE_AGE);
        read.throwIfInvalid();
        return new RawSinkSettings(prefix, format, codec, partitionBy, rotateRecords, rotateBytes, rotateAge);
    }
}

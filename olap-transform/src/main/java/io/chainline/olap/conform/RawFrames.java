package io.chainline.olap.conform;

import java.net.URI;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.timestamp_millis;

/**
 * Reads raw files into one frame of {@code data} (map of original header to original string) plus the
 * {@link KafkaColumns}. Schema-on-read: the files' schema is the raw record's (pipeline-core's
 * {@code raw-record.avsc}), given to Spark so that nothing is inferred and no {@code dt=} folder becomes a column.
 */
public final class RawFrames {
    /** The name of the map column of original header to original string. */
    public static final String DATA = "data";

    private static final DataType DATA_TYPE = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true);

    private final SparkSession spark;

    /** Reads with {@code spark}. */
    public RawFrames(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /**
     * The raw records of the given files (Avro {@code .avro} or JSON lines {@code .jsonl}, one record per line),
     * all read in one scan per format.
     *
     * @param files the files' URIs as Spark reads them ({@code file:///…} or {@code gs://…})
     */
    public Dataset<Row> read(List<URI> files) {
        requireNonNull(files, "files is null");
        List<String> avro = files.stream()
                .map(URI::toString)
                .filter(name -> name.endsWith(".avro"))
                .toList();
        List<String> jsonl = files.stream()
                .map(URI::toString)
                .filter(name -> name.endsWith(".jsonl"))
                .toList();
        Dataset<Row> frame = null;
        if (!avro.isEmpty()) {
            frame = project(
                    reader(metadataSchema(DataTypes.TimestampType))
                            .format("avro")
                            .load(avro.toArray(String[]::new)),
                    col("metadata.time"));
        }
        if (!jsonl.isEmpty()) {
            Dataset<Row> json = project(
                    reader(metadataSchema(DataTypes.LongType)).json(jsonl.toArray(String[]::new)),
                    timestamp_millis(col("metadata.time")));
            frame = frame == null ? json : frame.unionByName(json);
        }
        return frame == null ? empty() : frame;
    }

    private DataFrameReader reader(StructType schema) {
        return spark.read().schema(schema);
    }

    private Dataset<Row> empty() {
        return project(spark.createDataFrame(List.of(), metadataSchema(DataTypes.TimestampType)), col("metadata.time"));
    }

    private static Dataset<Row> project(Dataset<Row> raw, Column time) {
        return raw.select(
                col(DATA),
                col("metadata.key").as(KafkaColumns.KEY),
                col("metadata.offset").cast("bigint").as(KafkaColumns.OFFSET),
                col("metadata.partition").cast("int").as(KafkaColumns.PARTITION),
                time.as(KafkaColumns.TIME),
                col("metadata.topic").as(KafkaColumns.TOPIC),
                col("metadata.topic_id").as(KafkaColumns.TOPIC_ID));
    }

    private static StructType metadataSchema(DataType timeType) {
        StructType metadata = new StructType()
                .add("key", DataTypes.StringType, true)
                .add("offset", DataTypes.LongType, false)
                .add("partition", DataTypes.IntegerType, false)
                .add("time", timeType, false)
                .add("topic", DataTypes.StringType, false)
                .add("topic_id", DataTypes.StringType, false);
        return new StructType().add(DATA, DATA_TYPE, false).add("metadata", metadata, false);
    }
}

package io.chainline.olap.build;

import java.util.List;

import io.chainline.olap.conform.KafkaColumns;

/** {@code dim_metadata}: the Kafka record of each fact row, keyed by a hash of its coordinates. */
public final class DimMetadataBuilder implements TableBuilder {
    /** The attributes the key is a hash of, in hash order. */
    public static final List<String> ATTRIBUTES = KafkaColumns.ALL;
    /** The table's name. */
    public static final String NAME = "dim_metadata";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.hashKey(input, NAME, "metadata_id", ATTRIBUTES, true);
    }
}

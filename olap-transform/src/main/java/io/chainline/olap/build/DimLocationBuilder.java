package io.chainline.olap.build;

import java.util.List;

/** {@code dim_location}: one row per distinct order destination, keyed by a hash of its attributes. */
public final class DimLocationBuilder implements TableBuilder {
    /** The attributes the key is a hash of, in hash order. */
    public static final List<String> ATTRIBUTES = List.of(
            "order_zipcode",
            "order_city",
            "order_state",
            "order_region",
            "order_country",
            "latitude",
            "longitude",
            "market");
    /** The table's name. */
    public static final String NAME = "dim_location";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.hashKey(input, NAME, "location_id", ATTRIBUTES, false);
    }
}

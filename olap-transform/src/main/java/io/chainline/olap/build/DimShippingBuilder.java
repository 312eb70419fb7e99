package io.chainline.olap.build;

import java.util.List;

/** {@code dim_shipping}: one row per distinct shipping outcome, keyed by a hash of its attributes. */
public final class DimShippingBuilder implements TableBuilder {
    /** The attributes the key is a hash of, in hash order. */
    public static final List<String> ATTRIBUTES = List.of(
            "shipping_date",
            "days_for_shipping_real",
            "days_for_shipping_scheduled",
            "shipping_mode",
            "delivery_status");
    /** The table's name. */
    public static final String NAME = "dim_shipping";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.hashKey(input, NAME, "shipping_id", ATTRIBUTES, false);
    }
}

package io.chainline.olap.build;

import java.util.List;

/** {@code dim_customer}, keyed by {@code customer_id}: the latest email, names, segment and address win. */
public final class DimCustomerBuilder implements TableBuilder {
    /** The table's name. */
    public static final String NAME = "dim_customer";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.naturalKey(
                input,
                NAME,
                "customer_id",
                List.of(
                        "customer_email",
                        "customer_fname",
                        "customer_lname",
                        "customer_segment",
                        "customer_city",
                        "customer_country",
                        "customer_state",
                        "customer_street",
                        "customer_zipcode"));
    }
}

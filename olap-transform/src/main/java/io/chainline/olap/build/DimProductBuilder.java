package io.chainline.olap.build;

import java.util.List;

/** {@code dim_product}, keyed by {@code product_card_id}: the latest category, name, image, price and status win. */
public final class DimProductBuilder implements TableBuilder {
    /** The table's name. */
    public static final String NAME = "dim_product";

    @Override
    public BuiltTable build(BuildInput input) {
        return Dimensions.naturalKey(
                input,
                NAME,
                "product_card_id",
                List.of(
                        "product_category_id",
                        "category_id",
                        "category_name",
                        "product_description",
                        "product_image",
                        "product_name",
                        "product_price",
                        "product_status"));
    }
}

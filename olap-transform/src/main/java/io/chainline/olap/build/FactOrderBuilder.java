package io.chainline.olap.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * {@code fact_order}: one row per order item, keyed by {@code order_item_id}, with the keys of its seven dimensions
 * (-1 for the unknown member when the natural attributes are missing) and the order's measures; hidden-partitioned
 * by the UTC month of {@code order_date} ({@link #PARTITIONING}).
 */
public final class FactOrderBuilder implements TableBuilder {
    /** The table's name. */
    public static final String NAME = "fact_order";
    /** The key column. */
    public static final String KEY = "order_item_id";
    /** The table's Iceberg partitioning: by UTC month of the order date, with no column of its own. */
    public static final String PARTITIONING = "months(order_date)";

    private static final Map<String, String> FOREIGN_KEYS = Map.of(
            "order_customer_id", DimCustomerBuilder.NAME,
            "product_card_id", DimProductBuilder.NAME,
            "location_id", DimLocationBuilder.NAME,
            "department_id", DimDepartmentBuilder.NAME,
            "shipping_id", DimShippingBuilder.NAME,
            "metadata_id", DimMetadataBuilder.NAME,
            "order_date_key", DimDateBuilder.NAME);

    @Override
    public BuiltTable build(BuildInput input) {
        Dataset<Row> rows = input.conformed();
        StructType schema = rows.schema();
        Column orderDate = UtcDates.date(col("order_date"));
        Dataset<Row> fact = rows.select(
                col(KEY).cast(DataTypes.LongType).as(KEY),
                col("order_id").cast(DataTypes.LongType).as("order_id"),
                SurrogateKeys.naturalKey(col("order_customer_id")).as("order_customer_id"),
                SurrogateKeys.naturalKey(col("product_card_id")).as("product_card_id"),
                SurrogateKeys.hashKey(schema, DimLocationBuilder.ATTRIBUTES).as("location_id"),
                SurrogateKeys.naturalKey(col("department_id")).as("department_id"),
                SurrogateKeys.hashKey(schema, DimShippingBuilder.ATTRIBUTES).as("shipping_id"),
                SurrogateKeys.hashKey(schema, DimMetadataBuilder.ATTRIBUTES).as("metadata_id"),
                UtcDates.dateKey(orderDate).as("order_date_key"),
                col("order_date"),
                col("order_item_discount"),
                col("order_item_discount_rate"),
                col("order_item_product_price"),
                col("order_item_profit_ratio"),
                col("order_item_quantity"),
                col("sales_per_customer"),
                col("sales"),
                col("order_item_total"),
                col("order_profit_per_order"),
                col("benefit_per_order"),
                col("late_delivery_risk"),
                col("order_status"),
                col("type").as("payment_type"));
        return new BuiltTable(NAME, fact, KEY, List.of(PARTITIONING), FOREIGN_KEYS, Optional.empty());
    }
}

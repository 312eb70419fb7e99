package io.chainline.core.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.chainline.core.contract.ColumnType.DECIMAL;
import static io.chainline.core.contract.ColumnType.DOUBLE;
import static io.chainline.core.contract.ColumnType.INT;
import static io.chainline.core.contract.ColumnType.STRING;
import static io.chainline.core.contract.ColumnType.TIMESTAMP;
import static java.util.Objects.requireNonNull;

/**
 * The 53 columns of the DataCo Smart Supply Chain source file, in file order. Each column knows its exact header
 * text (as the source file and the Kafka JSON keys spell it), its snake_case name used from silver on, its
 * {@link ColumnType} and whether a row is unusable without it.
 *
 * <p>Snake names are written out rather than derived: most are the lower snake case of the header without
 * parentheses, but {@code order date (DateOrders)}, {@code shipping date (DateOrders)} and
 * {@code Days for shipment (scheduled)} are renamed to {@code order_date}, {@code shipping_date} and
 * {@code days_for_shipping_scheduled}, the names the star schema uses.
 */
public enum DataCoColumn {
    TYPE("Type", "type", STRING),
    DAYS_FOR_SHIPPING_REAL("Days for shipping (real)", "days_for_shipping_real", INT),
    DAYS_FOR_SHIPPING_SCHEDULED("Days for shipment (scheduled)", "days_for_shipping_scheduled", INT),
    BENEFIT_PER_ORDER("Benefit per order", "benefit_per_order", DECIMAL),
    SALES_PER_CUSTOMER("Sales per customer", "sales_per_customer", DECIMAL),
    DELIVERY_STATUS("Delivery Status", "delivery_status", STRING),
    LATE_DELIVERY_RISK("Late_delivery_risk", "late_delivery_risk", INT),
    CATEGORY_ID("Category Id", "category_id", INT),
    CATEGORY_NAME("Category Name", "category_name", STRING),
    CUSTOMER_CITY("Customer City", "customer_city", STRING),
    CUSTOMER_COUNTRY("Customer Country", "customer_country", STRING),
    CUSTOMER_EMAIL("Customer Email", "customer_email", STRING),
    CUSTOMER_FNAME("Customer Fname", "customer_fname", STRING),
    CUSTOMER_ID("Customer Id", "customer_id", INT),
    CUSTOMER_LNAME("Customer Lname", "customer_lname", STRING),
    CUSTOMER_PASSWORD("Customer Password", "customer_password", STRING),
    CUSTOMER_SEGMENT("Customer Segment", "customer_segment", STRING),
    CUSTOMER_STATE("Customer State", "customer_state", STRING),
    CUSTOMER_STREET("Customer Street", "customer_street", STRING),
    CUSTOMER_ZIPCODE("Customer Zipcode", "customer_zipcode", STRING),
    DEPARTMENT_ID("Department Id", "department_id", INT),
    DEPARTMENT_NAME("Department Name", "department_name", STRING),
    LATITUDE("Latitude", "latitude", DOUBLE),
    LONGITUDE("Longitude", "longitude", DOUBLE),
    MARKET("Market", "market", STRING),
    ORDER_CITY("Order City", "order_city", STRING),
    ORDER_COUNTRY("Order Country", "order_country", STRING),
    ORDER_CUSTOMER_ID("Order Customer Id", "order_customer_id", INT),
    ORDER_DATE("order date (DateOrders)", "order_date", TIMESTAMP),
    ORDER_ID("Order Id", "order_id", INT),
    ORDER_ITEM_CARDPROD_ID("Order Item Cardprod Id", "order_item_cardprod_id", INT),
    ORDER_ITEM_DISCOUNT("Order Item Discount", "order_item_discount", DECIMAL),
    ORDER_ITEM_DISCOUNT_RATE("Order Item Discount Rate", "order_item_discount_rate", DECIMAL),
    ORDER_ITEM_ID("Order Item Id", "order_item_id", INT, true),
    ORDER_ITEM_PRODUCT_PRICE("Order Item Product Price", "order_item_product_price", DECIMAL),
    ORDER_ITEM_PROFIT_RATIO("Order Item Profit Ratio", "order_item_profit_ratio", DECIMAL),
    ORDER_ITEM_QUANTITY("Order Item Quantity", "order_item_quantity", INT),
    SALES("Sales", "sales", DECIMAL),
    ORDER_ITEM_TOTAL("Order Item Total", "order_item_total", DECIMAL),
    ORDER_PROFIT_PER_ORDER("Order Profit Per Order", "order_profit_per_order", DECIMAL),
    ORDER_REGION("Order Region", "order_region", STRING),
    ORDER_STATE("Order State", "order_state", STRING),
    ORDER_STATUS("Order Status", "order_status", STRING),
    ORDER_ZIPCODE("Order Zipcode", "order_zipcode", STRING),
    PRODUCT_CARD_ID("Product Card Id", "product_card_id", INT),
    PRODUCT_CATEGORY_ID("Product Category Id", "product_category_id", INT),
    PRODUCT_DESCRIPTION("Product Description", "product_description", STRING),
    PRODUCT_IMAGE("Product Image", "product_image", STRING),
    PRODUCT_NAME("Product Name", "product_name", STRING),
    PRODUCT_PRICE("Product Price", "product_price", DECIMAL),
    PRODUCT_STATUS("Product Status", "product_status", INT),
    SHIPPING_DATE("shipping date (DateOrders)", "shipping_date", TIMESTAMP),
    SHIPPING_MODE("Shipping Mode", "shipping_mode", STRING);

    private static final List<DataCoColumn> IN_FILE_ORDER = List.of(values());
    private static final List<String> HEADERS =
            IN_FILE_ORDER.stream().map(DataCoColumn::header).toList();
    private static final Map<String, DataCoColumn> BY_HEADER = index(true);
    private static final Map<String, DataCoColumn> BY_SNAKE_NAME = index(false);

    private final String header;
    private final String snakeName;
    private final ColumnType type;
    private final boolean required;

    DataCoColumn(String header, String snakeName, ColumnType type) {
        this(header, snakeName, type, false);
    }

    DataCoColumn(String header, String snakeName, ColumnType type, boolean required) {
        this.header = header;
        this.snakeName = snakeName;
        this.type = type;
        this.required = required;
    }

    /** The exact header text of the source file, e.g. {@code "order date (DateOrders)"}. */
    public String header() {
        return header;
    }

    /** The snake_case name used in silver tables, e.g. {@code "order_date"}. */
    public String snakeName() {
        return snakeName;
    }

    /** The type a value of this column parses to. */
    public ColumnType type() {
        return type;
    }

    /** Whether an empty value makes the row unusable; true only for {@link #ORDER_ITEM_ID}, the record key. */
    public boolean required() {
        return required;
    }

    /** All 53 columns in source file order (an immutable list). */
    public static List<DataCoColumn> inFileOrder() {
        return IN_FILE_ORDER;
    }

    /** The 53 header texts in source file order (an immutable list). */
    public static List<String> headers() {
        return HEADERS;
    }

    /** The column whose header is exactly {@code header} (case and spaces matter), if any. */
    public static Optional<DataCoColumn> byHeader(String header) {
        requireNonNull(header, "header is null");
        return Optional.ofNullable(BY_HEADER.get(header));
    }

    /** The column whose snake name is exactly {@code snakeName}, if any. */
    public static Optional<DataCoColumn> bySnakeName(String snakeName) {
        requireNonNull(snakeName, "snakeName is null");
        return Optional.ofNullable(BY_SNAKE_NAME.get(snakeName));
    }

    private static Map<String, DataCoColumn> index(boolean byHeader) {
        Map<String, DataCoColumn> index = new HashMap<>();
        for (DataCoColumn column : values()) {
            String key = byHeader ? column.header : column.snakeName;
            DataCoColumn previous = index.put(key, column);
            if (previous != null) {
                throw new IllegalStateException(
                        "Duplicate DataCo column name '" + key + "': " + previous + " and " + column);
            }
        }
        return Map.copyOf(index);
    }
}

package io.chainline.core.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.chainline.core.contract.DataCoColumn.CUSTOMER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.LATITUDE;
import static io.chainline.core.contract.DataCoColumn.ORDER_DATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_ID;
import static io.chainline.core.contract.DataCoColumn.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCoColumnTest {
    private static final Map<String, String> RENAMED = Map.of(
            "order date (DateOrders)", "order_date",
            "shipping date (DateOrders)", "shipping_date",
            "Days for shipment (scheduled)", "days_for_shipping_scheduled");

    @Test
    void hasTheFiftyThreeColumnsInFileOrder() {
        assertThat(DataCoColumn.values()).hasSize(53);
        assertThat(DataCoColumn.inFileOrder()).containsExactly(DataCoColumn.values());
        assertThat(DataCoColumn.inFileOrder().get(0)).isEqualTo(TYPE);
        assertThat(DataCoColumn.inFileOrder().get(28)).isEqualTo(ORDER_DATE);
        assertThat(DataCoColumn.inFileOrder().get(52)).isEqualTo(DataCoColumn.SHIPPING_MODE);
    }

    @Test
    void headersAreTheSampleFileHeaderLineExactly() {
        assertThat(DataCoColumn.headers()).containsExactlyElementsOf(DataCoSample.header());
        assertThat(DataCoColumn.headers())
                .containsExactlyElementsOf(DataCoColumn.inFileOrder().stream()
                        .map(DataCoColumn::header)
                        .toList());
    }

    @Test
    void snakeNamesAreUniqueAndWellFormed() {
        List<String> snakeNames = Arrays.stream(DataCoColumn.values())
                .map(DataCoColumn::snakeName)
                .toList();

        assertThat(snakeNames).doesNotHaveDuplicates().allMatch(name -> name.matches("^[a-z][a-z0-9_]*$"));
        assertThat(DataCoColumn.headers()).doesNotHaveDuplicates();
    }

    @Test
    void snakeNamesAreTheHeadersInLowerSnakeCaseExceptTheRenamedOnes() {
        for (DataCoColumn column : DataCoColumn.values()) {
            String expected = RENAMED.getOrDefault(column.header(), lowerSnakeCase(column.header()));
            assertThat(column.snakeName()).as(column.header()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Type                          | type
            Days for shipping (real)      | days_for_shipping_real
            Days for shipment (scheduled) | days_for_shipping_scheduled
            Late_delivery_risk            | late_delivery_risk
            Order Item Cardprod Id        | order_item_cardprod_id
            order date (DateOrders)       | order_date
            shipping date (DateOrders)    | shipping_date
            Customer Fname                | customer_fname
            """)
    void mapsHeadersToExplicitSnakeNames(String header, String snakeName) {
        DataCoColumn column = DataCoColumn.byHeader(header).orElseThrow();

        assertThat(column.snakeName()).isEqualTo(snakeName);
        assertThat(DataCoColumn.bySnakeName(snakeName)).contains(column);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            INT       | Days for shipping (real), Days for shipment (scheduled), Late_delivery_risk, Category Id, Customer Id, Department Id, Order Customer Id, Order Id, Order Item Cardprod Id, Order Item Id, Order Item Quantity, Product Card Id, Product Category Id, Product Status
            DECIMAL   | Benefit per order, Sales per customer, Order Item Discount, Order Item Discount Rate, Order Item Product Price, Order Item Profit Ratio, Sales, Order Item Total, Order Profit Per Order, Product Price
            DOUBLE    | Latitude, Longitude
            TIMESTAMP | order date (DateOrders), shipping date (DateOrders)
            """)
    void typesFollowTheSchemaTable(ColumnType type, String headers) {
        Set<DataCoColumn> expected = Arrays.stream(headers.split(", "))
                .map(header -> DataCoColumn.byHeader(header).orElseThrow(() -> new AssertionError(header)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCoColumn.class)));

        assertThat(EnumSet.allOf(DataCoColumn.class).stream().filter(column -> column.type() == type))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyOtherColumnIsAString() {
        Map<ColumnType, Long> counts = Arrays.stream(DataCoColumn.values())
                .collect(Collectors.groupingBy(DataCoColumn::type, Collectors.counting()));

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ColumnType.STRING,
                        25L,
                        ColumnType.INT,
                        14L,
                        ColumnType.DECIMAL,
                        10L,
                        ColumnType.DOUBLE,
                        2L,
                        ColumnType.TIMESTAMP,
                        2L));
        assertThat(CUSTOMER_ZIPCODE.type()).isEqualTo(ColumnType.STRING);
        assertThat(DataCoColumn.ORDER_ZIPCODE.type()).isEqualTo(ColumnType.STRING);
        assertThat(LATITUDE.type()).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void onlyOrderItemIdIsRequired() {
        assertThat(Arrays.stream(DataCoColumn.values()).filter(DataCoColumn::required))
                .containsExactly(ORDER_ITEM_ID);
    }

    @Test
    void columnTypesNameTheirJavaTypes() {
        Map<ColumnType, Class<?>> javaTypes =
                Arrays.stream(ColumnType.values()).collect(Collectors.toMap(Function.identity(), ColumnType::javaType));

        assertThat(javaTypes)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ColumnType.STRING,
                        String.class,
                        ColumnType.INT,
                        Integer.class,
                        ColumnType.DECIMAL,
                        BigDecimal.class,
                        ColumnType.DOUBLE,
                        Double.class,
                        ColumnType.TIMESTAMP,
                        Instant.class));
    }

    @Test
    void lookupsMatchExactlyAndReturnEmptyOtherwise() {
        assertThat(DataCoColumn.byHeader("Order Item Id")).contains(ORDER_ITEM_ID);
        assertThat(DataCoColumn.byHeader("order date (DateOrders)")).contains(ORDER_DATE);
        assertThat(DataCoColumn.byHeader("order item id")).isEmpty();
        assertThat(DataCoColumn.byHeader("Order Item Id ")).isEmpty();
        assertThat(DataCoColumn.byHeader("order_item_id")).isEmpty();
        assertThat(DataCoColumn.bySnakeName("order_item_id")).contains(ORDER_ITEM_ID);
        assertThat(DataCoColumn.bySnakeName("days_for_shipment_scheduled")).isEmpty();
        assertThat(DataCoColumn.bySnakeName("Order Item Id")).isEmpty();
        for (DataCoColumn column : DataCoColumn.values()) {
            assertThat(DataCoColumn.byHeader(column.header())).contains(column);
            assertThat(DataCoColumn.bySnakeName(column.snakeName())).contains(column);
        }
        assertThatThrownBy(() -> DataCoColumn.byHeader(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("header is null");
    }

    @Test
    void listsAreImmutable() {
        assertThatThrownBy(() -> DataCoColumn.inFileOrder().remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DataCoColumn.headers().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static String lowerSnakeCase(String header) {
        return Arrays.stream(header.replace("(", "")
                        .replace(")", "")
                        .toLowerCase(Locale.ROOT)
                        .split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.joining("_"));
    }
}

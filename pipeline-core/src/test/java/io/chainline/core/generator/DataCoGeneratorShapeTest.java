package io.chainline.core.generator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.contract.DataCoRecordParser;
import io.chainline.core.contract.DataCoValueParser;
import io.chainline.core.contract.RecordParseResult;

import static io.chainline.core.contract.DataCoColumn.BENEFIT_PER_ORDER;
import static io.chainline.core.contract.DataCoColumn.CATEGORY_ID;
import static io.chainline.core.contract.DataCoColumn.CATEGORY_NAME;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_CITY;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_COUNTRY;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_EMAIL;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_FNAME;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_ID;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_LNAME;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_PASSWORD;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_SEGMENT;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_STATE;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_STREET;
import static io.chainline.core.contract.DataCoColumn.CUSTOMER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.DAYS_FOR_SHIPPING_REAL;
import static io.chainline.core.contract.DataCoColumn.DAYS_FOR_SHIPPING_SCHEDULED;
import static io.chainline.core.contract.DataCoColumn.DELIVERY_STATUS;
import static io.chainline.core.contract.DataCoColumn.DEPARTMENT_ID;
import static io.chainline.core.contract.DataCoColumn.DEPARTMENT_NAME;
import static io.chainline.core.contract.DataCoColumn.LATE_DELIVERY_RISK;
import static io.chainline.core.contract.DataCoColumn.LATITUDE;
import static io.chainline.core.contract.DataCoColumn.LONGITUDE;
import static io.chainline.core.contract.DataCoColumn.MARKET;
import static io.chainline.core.contract.DataCoColumn.ORDER_CITY;
import static io.chainline.core.contract.DataCoColumn.ORDER_COUNTRY;
import static io.chainline.core.contract.DataCoColumn.ORDER_CUSTOMER_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_DATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_CARDPROD_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_DISCOUNT;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_DISCOUNT_RATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_ID;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_PRODUCT_PRICE;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_PROFIT_RATIO;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_QUANTITY;
import static io.chainline.core.contract.DataCoColumn.ORDER_ITEM_TOTAL;
import static io.chainline.core.contract.DataCoColumn.ORDER_PROFIT_PER_ORDER;
import static io.chainline.core.contract.DataCoColumn.ORDER_REGION;
import static io.chainline.core.contract.DataCoColumn.ORDER_STATE;
import static io.chainline.core.contract.DataCoColumn.ORDER_STATUS;
import static io.chainline.core.contract.DataCoColumn.ORDER_ZIPCODE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_CARD_ID;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_CATEGORY_ID;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_DESCRIPTION;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_IMAGE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_NAME;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_PRICE;
import static io.chainline.core.contract.DataCoColumn.PRODUCT_STATUS;
import static io.chainline.core.contract.DataCoColumn.SALES;
import static io.chainline.core.contract.DataCoColumn.SALES_PER_CUSTOMER;
import static io.chainline.core.contract.DataCoColumn.SHIPPING_DATE;
import static io.chainline.core.contract.DataCoColumn.SHIPPING_MODE;
import static io.chainline.core.contract.DataCoColumn.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates the real dataset's 180,519 rows once and checks that every row parses and is consistent, and that
 * together they have the dataset's shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCoGeneratorShapeTest {
    private static final List<DataCoColumn> CUSTOMER_COLUMNS = List.of(
            CUSTOMER_FNAME,
            CUSTOMER_LNAME,
            CUSTOMER_STREET,
            CUSTOMER_CITY,
            CUSTOMER_STATE,
            CUSTOMER_ZIPCODE,
            CUSTOMER_COUNTRY,
            CUSTOMER_SEGMENT,
            LATITUDE,
            LONGITUDE);
    private static final List<DataCoColumn> PRODUCT_COLUMNS = List.of(
            PRODUCT_NAME,
            PRODUCT_PRICE,
            PRODUCT_IMAGE,
            PRODUCT_STATUS,
            PRODUCT_CATEGORY_ID,
            CATEGORY_ID,
            CATEGORY_NAME,
            DEPARTMENT_ID,
            DEPARTMENT_NAME);
    private static final List<DataCoColumn> ORDER_COLUMNS = List.of(
            ORDER_CUSTOMER_ID,
            CUSTOMER_ID,
            ORDER_DATE,
            SHIPPING_DATE,
            SHIPPING_MODE,
            ORDER_STATUS,
            TYPE,
            MARKET,
            ORDER_CITY,
            ORDER_COUNTRY,
            ORDER_REGION,
            ORDER_STATE,
            ORDER_ZIPCODE,
            DELIVERY_STATUS,
            DAYS_FOR_SHIPPING_REAL);
    private static final Instant FIRST_ORDER = Instant.parse("2015-01-01T00:00:00Z");
    private static final Instant LAST_ORDER = Instant.parse("2018-01-31T23:59:00Z");

    private final DataCoValueParser parser = new DataCoValueParser();
    private final DataCoRecordParser recordParser = new DataCoRecordParser(parser);
    private final Map<String, List<String>> customers = new HashMap<>();
    private final Map<String, List<String>> products = new HashMap<>();
    private final Set<String> categories = new HashSet<>();
    private final Set<String> departments = new HashSet<>();
    private final Set<String> markets = new HashSet<>();
    private final Set<String> orderCountries = new HashSet<>();
    private final Map<Integer, Integer> ordersBySize = new TreeMap<>();
    private final List<String> inconsistencies = new ArrayList<>();
    private int rows;
    private int emptyOrderZipcodes;
    private int puertoRicoRows;

    @BeforeAll
    void generate() {
        Iterator<GeneratedRow> iterator = new DataCoGenerator(2019).rows(DataCoGenerator.DATASET_ROW_COUNT);
        List<String> orderValues = null;
        String orderId = null;
        int orderItems = 0;
        while (iterator.hasNext()) {
            GeneratedRow row = iterator.next();
            rows++;
            check(row, "Order Item Id is index + 1", row.get(ORDER_ITEM_ID).equals(Long.toString(row.index() + 1)));
            checkSame(customers, row.get(CUSTOMER_ID), values(row, CUSTOMER_COLUMNS), row, "customer");
            checkSame(products, row.get(PRODUCT_CARD_ID), values(row, PRODUCT_COLUMNS), row, "product");
            if (!row.get(ORDER_ID).equals(orderId)) {
                if (orderId != null) {
                    ordersBySize.merge(orderItems, 1, Integer::sum);
                    check(
                            row,
                            "Order Id is sequential",
                            Long.parseLong(row.get(ORDER_ID)) == Long.parseLong(orderId) + 1);
                }
                orderId = row.get(ORDER_ID);
                orderValues = values(row, ORDER_COLUMNS);
                orderItems = 0;
            }
            orderItems++;
            check(
                    row,
                    "items share the order's values",
                    values(row, ORDER_COLUMNS).equals(orderValues));
            categories.add(row.get(CATEGORY_ID));
            departments.add(row.get(DEPARTMENT_ID) + " " + row.get(DEPARTMENT_NAME));
            markets.add(row.get(MARKET));
            orderCountries.add(row.get(ORDER_COUNTRY));
            emptyOrderZipcodes += row.get(ORDER_ZIPCODE).isEmpty() ? 1 : 0;
            puertoRicoRows += row.get(CUSTOMER_COUNTRY).equals("Puerto Rico") ? 1 : 0;
            RecordParseResult parsed = recordParser.parse(row.asHeaderMap());
            check(row, "parses without problems: " + parsed.describeProblems(), parsed.isValid());
            checkShipping(row);
            checkMoney(row);
            checkFixedValues(row);
        }
        ordersBySize.merge(orderItems, 1, Integer::sum);
    }

    @Test
    void generatesTheRequestedRowsWithoutInconsistencies() {
        assertThat(rows).isEqualTo(180_519);
        assertThat(inconsistencies).isEmpty();
    }

    @Test
    void cardinalitiesLookLikeTheDataset() {
        assertThat(customers).hasSizeBetween(15_000, 21_000);
        assertThat(products).hasSizeBetween(100, 118);
        assertThat(categories).hasSizeBetween(40, 55);
        assertThat(departments)
                .containsExactlyInAnyOrder(
                        "2 Fitness",
                        "3 Footwear",
                        "4 Apparel",
                        "5 Golf",
                        "6 Outdoors",
                        "7 Fan Shop",
                        "8 Book Shop",
                        "9 Discs Shop",
                        "10 Technology",
                        "11 Pet Shop",
                        "12 Health and Beauty");
        assertThat(markets).containsExactlyInAnyOrder("Africa", "Europe", "LATAM", "Pacific Asia", "USCA");
        assertThat(ordersBySize.keySet()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void quirksOfTheDatasetArePresent() {
        assertThat(emptyOrderZipcodes).isGreaterThan(rows * 80 / 100);
        assertThat(puertoRicoRows).isBetween(rows * 35 / 100, rows * 45 / 100);
        assertThat(orderCountries)
                .contains(
                        "México",
                        "Japón",
                        "Perú",
                        "Turquía",
                        "Alemania",
                        "Francia",
                        "Reino Unido",
                        "Brasil",
                        "Estados Unidos",
                        "Indonesia",
                        "India",
                        "Corea del Sur",
                        "Egipto");
        int zipcode = CUSTOMER_COLUMNS.indexOf(CUSTOMER_ZIPCODE);
        assertThat(customers.values())
                .anyMatch(customer -> customer.get(zipcode).isEmpty());
    }

    private void checkShipping(GeneratedRow row) {
        Instant ordered = parser.parseTimestamp(ORDER_DATE, row.get(ORDER_DATE));
        Instant shipped = parser.parseTimestamp(SHIPPING_DATE, row.get(SHIPPING_DATE));
        int realDays = Integer.parseInt(row.get(DAYS_FOR_SHIPPING_REAL));
        int scheduledDays = Integer.parseInt(row.get(DAYS_FOR_SHIPPING_SCHEDULED));
        String mode = row.get(SHIPPING_MODE);
        check(row, "order date in range", !ordered.isBefore(FIRST_ORDER) && !ordered.isAfter(LAST_ORDER));
        check(
                row,
                "order date written M/d/yyyy H:mm",
                row.get(ORDER_DATE).matches("[1-9]\\d?/[1-9]\\d?/20\\d\\d [12]?\\d:[0-5]\\d"));
        check(row, "shipping date = order date + real days", shipped.equals(ordered.plus(Duration.ofDays(realDays))));
        check(row, "real days 0..6", realDays >= 0 && realDays <= 6);
        check(
                row,
                "scheduled days by mode",
                scheduledDays
                        == switch (mode) {
                            case "Standard Class" -> 4;
                            case "Second Class" -> 2;
                            case "First Class" -> 1;
                            case "Same Day" -> 0;
                            default -> -1;
                        });
        String status = row.get(ORDER_STATUS);
        String expected = status.equals("CANCELED") || status.equals("SUSPECTED_FRAUD")
                ? "Shipping canceled"
                : realDays > scheduledDays
                        ? "Late delivery"
                        : realDays < scheduledDays ? "Advance shipping" : "Shipping on time";
        check(row, "delivery status", row.get(DELIVERY_STATUS).equals(expected));
        check(row, "late risk", row.get(LATE_DELIVERY_RISK).equals(expected.equals("Late delivery") ? "1" : "0"));
    }

    private void checkMoney(GeneratedRow row) {
        BigDecimal price = decimal(row, ORDER_ITEM_PRODUCT_PRICE);
        BigDecimal quantity = new BigDecimal(row.get(ORDER_ITEM_QUANTITY));
        BigDecimal sales = decimal(row, SALES);
        BigDecimal rate = decimal(row, ORDER_ITEM_DISCOUNT_RATE);
        BigDecimal discount = decimal(row, ORDER_ITEM_DISCOUNT);
        BigDecimal total = decimal(row, ORDER_ITEM_TOTAL);
        BigDecimal ratio = decimal(row, ORDER_ITEM_PROFIT_RATIO);
        BigDecimal profit = decimal(row, ORDER_PROFIT_PER_ORDER);
        check(row, "price = product price", price.equals(decimal(row, PRODUCT_PRICE)));
        check(row, "quantity 1..5", quantity.intValue() >= 1 && quantity.intValue() <= 5);
        check(row, "sales = price x quantity", sales.compareTo(price.multiply(quantity)) == 0);
        check(
                row,
                "rate 0..0.25 in hundredths",
                rate.scale() <= 2 && rate.signum() >= 0 && rate.compareTo(new BigDecimal("0.25")) <= 0);
        check(row, "discount = sales x rate", discount.compareTo(sales.multiply(rate)) == 0);
        check(row, "total = sales - discount", total.compareTo(sales.subtract(discount)) == 0);
        check(
                row,
                "ratio -2.75..0.5",
                ratio.compareTo(new BigDecimal("-2.75")) >= 0 && ratio.compareTo(new BigDecimal("0.5")) <= 0);
        check(row, "profit = total x ratio", profit.compareTo(total.multiply(ratio)) == 0);
        check(row, "benefit = profit", row.get(BENEFIT_PER_ORDER).equals(row.get(ORDER_PROFIT_PER_ORDER)));
        check(row, "sales per customer = total", row.get(SALES_PER_CUSTOMER).equals(row.get(ORDER_ITEM_TOTAL)));
        check(row, "at most 6 fraction digits", profit.scale() <= 6 && total.scale() <= 4);
    }

    private void checkFixedValues(GeneratedRow row) {
        check(row, "empty description", row.get(PRODUCT_DESCRIPTION).isEmpty());
        check(
                row,
                "product name ends with a space",
                row.get(PRODUCT_NAME).endsWith(" ") && !row.get(PRODUCT_NAME).isBlank());
        check(
                row,
                "image URL from the name",
                row.get(PRODUCT_IMAGE).startsWith("http://images.acmesports.sports/")
                        && row.get(PRODUCT_IMAGE).endsWith(" "));
        check(row, "card id", row.get(ORDER_ITEM_CARDPROD_ID).equals(row.get(PRODUCT_CARD_ID)));
        check(row, "category id", row.get(PRODUCT_CATEGORY_ID).equals(row.get(CATEGORY_ID)));
        check(row, "customer id", row.get(ORDER_CUSTOMER_ID).equals(row.get(CUSTOMER_ID)));
        check(
                row,
                "masked email and password",
                row.get(CUSTOMER_EMAIL).equals("XXXXXXXXX")
                        && row.get(CUSTOMER_PASSWORD).equals("XXXXXXXXX"));
        check(
                row,
                "customer country",
                row.get(CUSTOMER_COUNTRY).equals("EE. UU.")
                        || row.get(CUSTOMER_COUNTRY).equals("Puerto Rico"));
        check(
                row,
                "order zipcode empty or 5 digits",
                row.get(ORDER_ZIPCODE).isEmpty() || row.get(ORDER_ZIPCODE).matches("\\d{5}"));
        check(
                row,
                "coordinates with at most 8 fraction digits",
                decimal(row, LATITUDE).scale() <= 8 && decimal(row, LONGITUDE).scale() <= 8);
    }

    private void checkSame(
            Map<String, List<String>> seen, String id, List<String> values, GeneratedRow row, String what) {
        List<String> previous = seen.putIfAbsent(id, values);
        check(
                row,
                what + " " + id + " has the same attributes in every row",
                previous == null || previous.equals(values));
    }

    private void check(GeneratedRow row, String rule, boolean holds) {
        if (!holds && inconsistencies.size() < 20) {
            inconsistencies.add("row " + row.index() + " breaks '" + rule + "': " + row.asHeaderMap());
        }
    }

    private static BigDecimal decimal(GeneratedRow row, DataCoColumn column) {
        return new BigDecimal(row.get(column));
    }

    private static List<String> values(GeneratedRow row, List<DataCoColumn> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (DataCoColumn column : columns) {
            values.add(row.get(column));
        }
        return values;
    }
}

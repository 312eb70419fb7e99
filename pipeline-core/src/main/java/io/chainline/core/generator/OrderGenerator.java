package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;

import io.chainline.core.contract.DataCoColumn;

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

/**
 * Generates the rows of one order from the seed and the order's index alone, so any order can be generated
 * without the ones before it. The number of items of an order comes from a separate hash, which lets a reader
 * find the order holding a given row index cheaply.
 *
 * <p>Money is fixed-point and exact: prices in cents, discount rates and profit ratios in hundredths, so
 * {@code Sales = price * quantity}, {@code Order Item Discount = Sales * rate}, {@code Order Item Total = Sales -
 * discount} and {@code Order Profit Per Order = total * ratio} hold exactly for the written decimals.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
final class OrderGenerator {
    /** The most items an order has. */
    static final int MAX_ITEMS = 5;
    /** The most real shipping days of any shipping mode. */
    static final int MAX_REAL_DAYS = 6;

    private static final int COLUMNS = DataCoColumn.inFileOrder().size();
    private static final String MASKED = "XXXXXXXXX";
    private static final long ITEM_COUNT_SALT = 0x6A09E667F3BCC909L;
    private static final long ORDER_SALT = 0xBB67AE8584CAA73BL;
    private static final int[] ITEM_COUNT_WEIGHTS = {35, 20, 20, 13, 12};
    private static final int[] QUANTITY_WEIGHTS = {55, 12, 11, 11, 11};
    /** The discount rates the dataset uses, in hundredths. */
    private static final int[] DISCOUNT_RATES = {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 15, 16, 17, 18, 20, 25};

    private static final int MIN_PROFIT_RATIO = -275;
    private static final int MAX_PROFIT_RATIO = 50;
    /** How many times to redraw a product already in the order before accepting a repeat. */
    private static final int DISTINCT_PRODUCT_ATTEMPTS = 8;

    private final long itemCountSeed;
    private final long orderSeed;
    private final WeightedChoice<Integer> itemCounts;
    private final WeightedChoice<Integer> quantities;
    private final WeightedChoice<OrderStatus> statuses;
    private final WeightedChoice<ShippingMode> shippingModes;
    private final WeightedChoice<Product> products;
    private final WeightedChoice<OrderLocation> locations;
    private final List<Customer> customers;
    private final DateOrdersText dates;
    private final List<String> smallInts;
    private final List<String> discountRates;
    private final List<String> profitRatios;

    OrderGenerator(long seed) {
        long mixed = SplitMix64.mix(seed);
        this.itemCountSeed = mixed ^ ITEM_COUNT_SALT;
        this.orderSeed = mixed ^ ORDER_SALT;
        this.itemCounts = WeightedChoice.of(List.of(1, 2, 3, 4, 5), ITEM_COUNT_WEIGHTS);
        this.quantities = WeightedChoice.of(List.of(1, 2, 3, 4, 5), QUANTITY_WEIGHTS);
        this.statuses = WeightedChoice.of(List.of(OrderStatus.values()), OrderStatus::perMille);
        this.shippingModes = WeightedChoice.of(List.of(ShippingMode.values()), ShippingMode::perMille);
        this.products = ProductCatalog.byPopularity();
        this.locations = OrderLocations.byMarketShare();
        this.customers = CustomerDirectory.customers();
        this.dates = new DateOrdersText(MAX_REAL_DAYS + 1);
        this.smallInts = texts(0, 10, 0);
        this.discountRates = texts(0, 25, 2);
        this.profitRatios = texts(MIN_PROFIT_RATIO, MAX_PROFIT_RATIO, 2);
    }

    /** How many items (rows) order {@code orderIndex} has, 1 to {@value #MAX_ITEMS}. */
    int itemCount(long orderIndex) {
        return itemCounts.pickFromBits(SplitMix64.mix(itemCountSeed + orderIndex * SplitMix64.GOLDEN_GAMMA));
    }

    /**
     * Writes the rows of order {@code orderIndex} (Order Id {@code orderIndex + 1}) into {@code out}, the first
     * with row index {@code firstRowIndex}.
     *
     * @return how many rows were written, {@link #itemCount(long)}
     */
    int generate(long orderIndex, long firstRowIndex, GeneratedRow[] out) {
        SplitMix64 random = new SplitMix64(SplitMix64.mix(orderSeed + orderIndex * SplitMix64.GOLDEN_GAMMA));
        String[] row = new String[COLUMNS];
        fillOrder(row, orderIndex, random);
        int items = itemCount(orderIndex);
        int[] chosen = new int[items];
        for (int item = 0; item < items; item++) {
            Product product = distinctProduct(random, chosen, item);
            fillItem(row, product, random);
            long rowIndex = firstRowIndex + item;
            row[ORDER_ITEM_ID.ordinal()] = Long.toString(rowIndex + 1);
            out[item] = new GeneratedRow(rowIndex, List.of(row));
        }
        return items;
    }

    private void fillOrder(String[] row, long orderIndex, SplitMix64 random) {
        Customer customer = customers.get(random.nextInt(customers.size()));
        OrderStatus status = statuses.pick(random);
        ShippingMode mode = shippingModes.pick(random);
        int realDays = random.nextInt(mode.minRealDays(), mode.maxRealDays());
        OrderLocation location = locations.pick(random);
        int orderMinute = random.nextInt(DateOrdersText.ORDER_MINUTES);

        row[TYPE.ordinal()] = status.paymentType();
        row[DAYS_FOR_SHIPPING_REAL.ordinal()] = smallInts.get(realDays);
        row[DAYS_FOR_SHIPPING_SCHEDULED.ordinal()] = smallInts.get(mode.scheduledDays());
        boolean late = !status.canceled() && realDays > mode.scheduledDays();
        row[DELIVERY_STATUS.ordinal()] = status.canceled()
                ? "Shipping canceled"
                : late ? "Late delivery" : realDays < mode.scheduledDays() ? "Advance shipping" : "Shipping on time";
        row[LATE_DELIVERY_RISK.ordinal()] = late ? "1" : "0";
        row[CUSTOMER_CITY.ordinal()] = customer.city();
        row[CUSTOMER_COUNTRY.ordinal()] = customer.country();
        row[CUSTOMER_EMAIL.ordinal()] = MASKED;
        row[CUSTOMER_FNAME.ordinal()] = customer.fname();
        row[CUSTOMER_ID.ordinal()] = customer.idText();
        row[CUSTOMER_LNAME.ordinal()] = customer.lname();
        row[CUSTOMER_PASSWORD.ordinal()] = MASKED;
        row[CUSTOMER_SEGMENT.ordinal()] = customer.segment();
        row[CUSTOMER_STATE.ordinal()] = customer.state();
        row[CUSTOMER_STREET.ordinal()] = customer.street();
        row[CUSTOMER_ZIPCODE.ordinal()] = customer.zipcode();
        row[LATITUDE.ordinal()] = customer.latitude();
        row[LONGITUDE.ordinal()] = customer.longitude();
        row[MARKET.ordinal()] = location.market();
        row[ORDER_CITY.ordinal()] = location.city();
        row[ORDER_COUNTRY.ordinal()] = location.country();
        row[ORDER_CUSTOMER_ID.ordinal()] = customer.idText();
        row[ORDER_DATE.ordinal()] = dates.format(orderMinute);
        row[ORDER_ID.ordinal()] = Long.toString(orderIndex + 1);
        row[ORDER_REGION.ordinal()] = location.region();
        row[ORDER_STATE.ordinal()] = location.state();
        row[ORDER_STATUS.ordinal()] = status.name();
        row[ORDER_ZIPCODE.ordinal()] = location.zipcode();
        row[PRODUCT_DESCRIPTION.ordinal()] = "";
        row[SHIPPING_DATE.ordinal()] = dates.format(orderMinute + realDays * DateOrdersText.MINUTES_PER_DAY);
        row[SHIPPING_MODE.ordinal()] = mode.text();
    }

    private void fillItem(String[] row, Product product, SplitMix64 random) {
        int quantity = quantities.pick(random);
        int rate = DISCOUNT_RATES[random.nextInt(DISCOUNT_RATES.length)];
        int ratio = profitRatio(random);
        long salesCents = product.priceCents() * quantity;
        long discount = salesCents * rate; // scale 4
        long total = salesCents * 100 - discount; // scale 4
        long profit = total * ratio; // scale 6
        String totalText = Decimals.format(total, 4);
        String profitText = Decimals.format(profit, 6);

        row[BENEFIT_PER_ORDER.ordinal()] = profitText;
        row[SALES_PER_CUSTOMER.ordinal()] = totalText;
        row[CATEGORY_ID.ordinal()] = product.categoryIdText();
        row[CATEGORY_NAME.ordinal()] = product.categoryName();
        row[DEPARTMENT_ID.ordinal()] = product.departmentIdText();
        row[DEPARTMENT_NAME.ordinal()] = product.departmentName();
        row[ORDER_ITEM_CARDPROD_ID.ordinal()] = product.cardIdText();
        row[ORDER_ITEM_DISCOUNT.ordinal()] = Decimals.format(discount, 4);
        row[ORDER_ITEM_DISCOUNT_RATE.ordinal()] = discountRates.get(rate);
        row[ORDER_ITEM_PRODUCT_PRICE.ordinal()] = product.priceText();
        row[ORDER_ITEM_PROFIT_RATIO.ordinal()] = profitRatios.get(ratio - MIN_PROFIT_RATIO);
        row[ORDER_ITEM_QUANTITY.ordinal()] = smallInts.get(quantity);
        row[SALES.ordinal()] = Decimals.format(salesCents, 2);
        row[ORDER_ITEM_TOTAL.ordinal()] = totalText;
        row[ORDER_PROFIT_PER_ORDER.ordinal()] = profitText;
        row[PRODUCT_CARD_ID.ordinal()] = product.cardIdText();
        row[PRODUCT_CATEGORY_ID.ordinal()] = product.categoryIdText();
        row[PRODUCT_IMAGE.ordinal()] = product.image();
        row[PRODUCT_NAME.ordinal()] = product.name();
        row[PRODUCT_PRICE.ordinal()] = product.priceText();
        row[PRODUCT_STATUS.ordinal()] = product.statusText();
    }

    /** A product not yet in the order when one turns up within a few draws (orders rarely repeat a product). */
    private Product distinctProduct(SplitMix64 random, int[] chosen, int count) {
        Product product = products.pick(random);
        for (int attempt = 1;
                attempt < DISTINCT_PRODUCT_ATTEMPTS && contains(chosen, count, product.cardId());
                attempt++) {
            product = products.pick(random);
        }
        chosen[count] = product.cardId();
        return product;
    }

    /** Mostly profitable (80 % in [0, 0.5]), sometimes a loss (17 % in [-0.8, 0)), rarely a big one (to -2.75). */
    private static int profitRatio(SplitMix64 random) {
        int bucket = random.nextInt(100);
        if (bucket < 80) {
            return random.nextInt(0, MAX_PROFIT_RATIO);
        }
        return bucket < 97 ? random.nextInt(-80, -1) : random.nextInt(MIN_PROFIT_RATIO, -81);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** The texts of {@code from..to} (inclusive) hundredths or units, by {@code scale}. */
    private static List<String> texts(int from, int to, int scale) {
        List<String> texts = new ArrayList<>(to - from + 1);
        for (int value = from; value <= to; value++) {
            texts.add(Decimals.format(value, scale));
        }
        return List.copyOf(texts);
    }
}

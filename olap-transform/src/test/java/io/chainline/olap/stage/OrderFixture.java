package io.chainline.olap.stage;

import java.nio.file.Path;
import java.util.Map;

/**
 * The standard raw fixture: 28 order items (1000-1027) of 14 orders in January and February 2018 in one Avro file,
 * then a JSON-lines file with a replay of offset 5, a later version of item 1003 and a row with a bad number.
 *
 * <p>Item {@code 1000 + k}: customer {@code 101 + k % 3} (103 has no zipcode), product 1360 (department 2) for even
 * k, 365 (department 4) for odd k, location {@code k % 4}, order {@code 5000 + k / 2} placed on day
 * {@code 1 + (k / 2) % 10} of January (orders 0-9) or February (10-13) at 10:30, two-digit years for odd orders,
 * shipped three days later. Item 1027 has no customer. Expected: 31 raw rows, 1 replay, 1 superseded, 1 rejected,
 * 28 fact rows.
 */
final class OrderFixture {
    static final int ITEMS = 28;
    static final String HOUR = "20261120T10";

    private OrderFixture() {}

    /** The source row of item {@code 1000 + k}. */
    static Map<String, String> item(int k) {
        Map<String, String> row = RawFixture.baseRow(1000 + k);
        RawFixture.customer(row, 101 + k % 3);
        RawFixture.product(row, k % 2 == 0 ? 1360 : 365);
        RawFixture.location(row, k % 4);
        int order = k / 2;
        int month = order < 10 ? 1 : 2;
        int day = 1 + order % 10;
        String year = order % 2 == 1 ? "18" : "2018";
        row.put("Order Id", Integer.toString(5000 + order));
        row.put("order date (DateOrders)", month + "/" + day + "/" + year + " 10:30");
        row.put("shipping date (DateOrders)", month + "/" + (day + 3) + "/" + year + " 10:30");
        if (k == 27) {
            row.put("Customer Id", "");
            row.put("Order Customer Id", "");
        }
        return row;
    }

    /** Writes the standard fixture under {@code root}. */
    static void write(Path root) {
        RawFixture fixture = new RawFixture();
        for (int k = 0; k < ITEMS; k++) {
            fixture.add(item(k), k, k);
        }
        RawFixture.RawRow replayed = fixture.rows().get(5);
        fixture.writeAvro(root, HOUR);

        Map<String, String> update = item(3);
        update.put("Order Item Quantity", "2");
        update.put("Sales", "119.98");
        update.put("Order Item Total", "119.98");
        update.put("Order Status", "CLOSED");
        Map<String, String> bad = item(ITEMS);
        bad.put("Sales", "abc");
        fixture.addCopy(replayed).add(update, 28, 100).add(bad, 29, 101);
        fixture.writeJsonLines(root, HOUR);
    }
}

package io.chainline.core.generator;

/**
 * The 9 values of Order Status with their share of orders in the dataset (per mille) and the payment Type the
 * dataset pairs with each (CLOSED orders are paid in CASH, PENDING_PAYMENT and PAYMENT_REVIEW ones by PAYMENT,
 * PENDING, PROCESSING and ON_HOLD ones by TRANSFER, the others by DEBIT).
 */
enum OrderStatus {
    COMPLETE(330, "DEBIT"),
    PENDING_PAYMENT(221, "PAYMENT"),
    PROCESSING(121, "TRANSFER"),
    PENDING(112, "TRANSFER"),
    CLOSED(109, "CASH"),
    ON_HOLD(54, "TRANSFER"),
    SUSPECTED_FRAUD(22, "DEBIT"),
    CANCELED(21, "DEBIT"),
    PAYMENT_REVIEW(10, "PAYMENT");

    private final int perMille;
    private final String paymentType;

    OrderStatus(int perMille, String paymentType) {
        this.perMille = perMille;
        this.paymentType = paymentType;
    }

    /** Share of orders with this status, per mille. */
    int perMille() {
        return perMille;
    }

    /** The Type value of an order with this status. */
    String paymentType() {
        return paymentType;
    }

    /** Whether the order never ships: its Delivery Status is "Shipping canceled". */
    boolean canceled() {
        return this == CANCELED || this == SUSPECTED_FRAUD;
    }
}

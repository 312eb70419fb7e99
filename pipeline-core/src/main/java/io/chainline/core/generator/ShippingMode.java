package io.chainline.core.generator;

/**
 * The 4 values of Shipping Mode with their share of orders in the dataset (per mille), their scheduled days
 * (Days for shipment (scheduled)) and the range of real days the dataset shows for them.
 */
enum ShippingMode {
    STANDARD_CLASS("Standard Class", 597, 4, 2, 6),
    SECOND_CLASS("Second Class", 195, 2, 2, 6),
    FIRST_CLASS("First Class", 154, 1, 1, 2),
    SAME_DAY("Same Day", 54, 0, 0, 1);

    private final String text;
    private final int perMille;
    private final int scheduledDays;
    private final int minRealDays;
    private final int maxRealDays;

    ShippingMode(String text, int perMille, int scheduledDays, int minRealDays, int maxRealDays) {
        this.text = text;
        this.perMille = perMille;
        this.scheduledDays = scheduledDays;
        this.minRealDays = minRealDays;
        this.maxRealDays = maxRealDays;
    }

    /** The value as the file writes it. */
    String text() {
        return text;
    }

    /** Share of orders shipped this way, per mille. */
    int perMille() {
        return perMille;
    }

    /** Days for shipment (scheduled). */
    int scheduledDays() {
        return scheduledDays;
    }

    /** The fewest real shipping days. */
    int minRealDays() {
        return minRealDays;
    }

    /** The most real shipping days; at most {@link OrderGenerator#MAX_REAL_DAYS}. */
    int maxRealDays() {
        return maxRealDays;
    }
}

package io.chainline.core.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes timestamps in the DataCo file's {@code M/d/yyyy H:mm} form ({@code "1/31/2018 22:56"}) from a minute
 * offset since {@link #FIRST_DAY} 00:00, with the day and time-of-day texts computed once, so writing a timestamp
 * is one string concatenation. Zone-free: offsets are calendar minutes, read back as UTC.
 */
final class DateOrdersText {
    /** The first day an order may be placed on. */
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    /** The last day an order may be placed on. */
    static final LocalDate LAST_DAY = LocalDate.of(2018, 1, 31);

    static final int MINUTES_PER_DAY = 24 * 60;
    /** How many minutes an order date can be after {@link #FIRST_DAY} 00:00, exclusive. */
    static final int ORDER_MINUTES = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1) * MINUTES_PER_DAY;

    private final List<String> dayPrefixes;
    private final List<String> timesOfDay;

    /** Texts for order dates and for shipping dates up to {@code maxDaysAfter} days after the last order day. */
    DateOrdersText(int maxDaysAfter) {
        int days = ORDER_MINUTES / MINUTES_PER_DAY + maxDaysAfter;
        List<String> prefixes = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            prefixes.add(date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear() + " ");
        }
        List<String> times = new ArrayList<>(MINUTES_PER_DAY);
        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            int minuteOfHour = minute % 60;
            times.add((minute / 60) + (minuteOfHour < 10 ? ":0" : ":") + minuteOfHour);
        }
        this.dayPrefixes = List.copyOf(prefixes);
        this.timesOfDay = List.copyOf(times);
    }

    /** The text of the minute {@code minuteOffset} after {@link #FIRST_DAY} 00:00. */
    String format(int minuteOffset) {
        return dayPrefixes.get(minuteOffset / MINUTES_PER_DAY).concat(timesOfDay.get(minuteOffset % MINUTES_PER_DAY));
    }
}

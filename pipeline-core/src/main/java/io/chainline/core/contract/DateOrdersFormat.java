package io.chainline.core.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * The source's date-time format, {@code M/d/yyyy H:mm}, and the spreadsheet re-save variant {@code M/d/yy H:mm}
 * (two-digit years mean 20yy). The source has no time zone; values are read as UTC.
 *
 * <p>Scanned by hand rather than with {@code DateTimeFormatter}: it runs for every row of every load, and one
 * scanner accepts both year widths and single- or double-digit fields without trying patterns in turn.
 */
final class DateOrdersFormat {
    static final String NOT_IN_FORM = "is not in the form M/d/yyyy H:mm or M/d/yy H:mm";
    private static final String NOT_VALID = "is not a valid date: ";

    private DateOrdersFormat() {}

    /**
     * Parses a trimmed, non-empty value.
     *
     * @throws ValueParseException naming {@code column} and {@code raw} when the value is malformed or impossible
     */
    static Instant parse(DataCoColumn column, String raw, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new ValueParseException(column, raw, problem);
        }
        // problem() accepted the form, so the fields are where it found them.
        int monthEnd = AsciiDigits.end(value, 0);
        int dayStart = monthEnd + 1;
        int dayEnd = AsciiDigits.end(value, dayStart);
        int yearStart = dayEnd + 1;
        int yearEnd = AsciiDigits.end(value, yearStart);
        int hourStart = yearEnd + 1;
        int hourEnd = AsciiDigits.end(value, hourStart);
        int yearNumber = AsciiDigits.value(value, yearStart, yearEnd);
        int year = yearEnd - yearStart == 2 ? 2000 + yearNumber : yearNumber;
        long epochDay = LocalDate.of(
                        year, AsciiDigits.value(value, 0, monthEnd), AsciiDigits.value(value, dayStart, dayEnd))
                .toEpochDay();
        int hour = AsciiDigits.value(value, hourStart, hourEnd);
        int minute = AsciiDigits.value(value, hourEnd + 1, value.length());
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L);
    }

    /**
     * Null when a trimmed, non-empty value is a valid date-time, else why not; allocates only the reason of an
     * impossible day.
     */
    static String problem(String value) {
        int length = value.length();
        int monthEnd = AsciiDigits.end(value, 0);
        int dayStart = monthEnd + 1;
        int dayEnd = AsciiDigits.end(value, dayStart);
        int yearStart = dayEnd + 1;
        int yearEnd = AsciiDigits.end(value, yearStart);
        int hourStart = yearEnd + 1;
        int hourEnd = AsciiDigits.end(value, hourStart);
        int minuteStart = hourEnd + 1;
        int minuteEnd = AsciiDigits.end(value, minuteStart);
        int yearDigits = yearEnd - yearStart;
        boolean wellFormed = isWidth(monthEnd, 1, 2)
                && charAt(value, monthEnd) == '/'
                && isWidth(dayEnd - dayStart, 1, 2)
                && charAt(value, dayEnd) == '/'
                && (yearDigits == 2 || yearDigits == 4)
                && charAt(value, yearEnd) == ' '
                && isWidth(hourEnd - hourStart, 1, 2)
                && charAt(value, hourEnd) == ':'
                && minuteEnd - minuteStart == 2
                && minuteEnd == length;
        if (!wellFormed) {
            return NOT_IN_FORM;
        }
        int month = AsciiDigits.value(value, 0, monthEnd);
        int day = AsciiDigits.value(value, dayStart, dayEnd);
        int yearNumber = AsciiDigits.value(value, yearStart, yearEnd);
        int year = yearDigits == 2 ? 2000 + yearNumber : yearNumber;
        int hour = AsciiDigits.value(value, hourStart, hourEnd);
        int minute = AsciiDigits.value(value, minuteStart, minuteEnd);
        if (month < 1 || month > 12) {
            return NOT_VALID + "month must be 1 to 12";
        }
        int daysInMonth = Month.of(month).length(Year.isLeap(year));
        if (day < 1 || day > daysInMonth) {
            return NOT_VALID + "day must be 1 to " + daysInMonth + " in " + month + "/" + year;
        }
        if (hour > 23) {
            return NOT_VALID + "hour must be 0 to 23";
        }
        return minute > 59 ? NOT_VALID + "minute must be 0 to 59" : null;
    }

    private static boolean isWidth(int width, int min, int max) {
        return width >= min && width <= max;
    }

    private static char charAt(String value, int index) {
        return index < value.length() ? value.charAt(index) : '\0';
    }
}

package io.chainline.sinks.raw;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The name of one raw file: {@code <prefix>/dt=YYYYMMDDTHH/<topic>+<topicId>+<partition>+<firstOffset>-<lastOffset>}
 * plus the format's extension. Kafka topic names and topic ids never contain '+', so the name parses back.
 *
 * @param topic the topic name
 * @param topicId Kafka's id of the topic incarnation
 * @param partition the partition
 * @param hour the hour folder, in hours since the epoch (UTC)
 * @param firstOffset the offset of the file's first record
 * @param lastOffset the offset of the file's last record
 */
record RawFileName(String topic, String topicId, int partition, long hour, long firstOffset, long lastOffset) {
    private static final String FOLDER_PREFIX = "dt=";
    private static final int FOLDER_LENGTH = FOLDER_PREFIX.length() + "YYYYMMDDTHH".length();
    private static final long SECONDS_PER_HOUR = 3600;

    RawFileName {
        requireNonNull(topic, "topic is null");
        requireNonNull(topicId, "topicId is null");
    }

    /** The object name under {@code prefix}, ending in {@code extension}. */
    String objectName(String prefix, String extension) {
        return prefix + "/" + folder(hour) + "/" + topic + "+" + topicId + "+" + partition + "+" + firstOffset + "-"
                + lastOffset + extension;
    }

    /** The folder of an hour: {@code dt=20170203T14}. */
    static String folder(long hour) {
        LocalDateTime start = LocalDateTime.ofEpochSecond(hour * SECONDS_PER_HOUR, 0, ZoneOffset.UTC);
        return String.format(
                "%s%04d%02d%02dT%02d",
                FOLDER_PREFIX, start.getYear(), start.getMonthValue(), start.getDayOfMonth(), start.getHour());
    }

    /**
     * Parses the name of a raw file of either format (the last two segments of {@code objectName}).
     *
     * @return empty when the name is not one of a raw file
     */
    static Optional<RawFileName> parse(String objectName) {
        int slash = objectName.lastIndexOf('/');
        int folderStart = objectName.lastIndexOf('/', slash - 1) + 1;
        if (slash < 0 || slash - folderStart != FOLDER_LENGTH || !objectName.startsWith(FOLDER_PREFIX, folderStart)) {
            return Optional.empty();
        }
        String file = objectName.substring(slash + 1);
        String base = stripExtension(file);
        String[] parts = base == null ? new String[0] : base.split("\\+", -1);
        if (parts.length != 4 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        int dash = parts[3].indexOf('-');
        try {
            long hour = parseHour(objectName.substring(folderStart + FOLDER_PREFIX.length(), slash));
            int partition = Integer.parseInt(parts[2]);
            long first = Long.parseLong(parts[3].substring(0, Math.max(dash, 0)));
            long last = Long.parseLong(parts[3].substring(dash + 1));
            if (partition < 0 || first < 0 || last < first) {
                return Optional.empty();
            }
            return Optional.of(new RawFileName(parts[0], parts[1], partition, hour, first, last));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String stripExtension(String file) {
        for (RawSinkSettings.Format format : RawSinkSettings.Format.values()) {
            if (file.endsWith(format.extension())) {
                return file.substring(0, file.length() - format.extension().length());
            }
        }
        return null;
    }

    /** {@code YYYYMMDDTHH} to hours since the epoch. */
    private static long parseHour(String text) {
        if (text.charAt(8) != 'T') {
            throw new DateTimeException("no 'T' in " + text);
        }
        LocalDateTime start =
                LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8), digits(text, 9, 11), 0);
        return Math.floorDiv(start.toEpochSecond(ZoneOffset.UTC), SECONDS_PER_HOUR);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit in " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package io.chainline.core.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;

import io.chainline.core.contract.DataCoColumn;

import static java.util.Objects.requireNonNull;

/**
 * A deterministic source of synthetic DataCo Smart Supply Chain rows shaped like the real dataset: about 20,000
 * customers (ids 1 to 20,700; 40 % in Puerto Rico), 118 products in 51 categories and 11 departments, 5 markets
 * with Spanish country, state and city names, orders of 1 to 5 items placed between 2015-01-01 and 2018-01-31,
 * and the dataset's quirks (product names and image URLs with a trailing space, empty Product Description, mostly
 * empty Order Zipcode, masked email and password, {@code M/d/yyyy H:mm} dates).
 *
 * <p>Row {@code i} has Order Item Id {@code i + 1}; orders are numbered from 1 in row order. Every row is a
 * function of the seed and its index only: the same seed gives the same rows (and the same CSV bytes) on every
 * machine and JDK, and {@link #rows(long, long)} resumes anywhere with the rows a run from 0 has there.
 * Customers and products are functions of their ids alone, the same under every seed.
 *
 * <p>Immutable and thread-safe; the iterators it returns are not thread-safe. About 10 small objects per row, no
 * regular expressions or formatters.
 */
public final class DataCoGenerator {
    /** The number of rows of the real dataset, the size benchmarks use (and ten times it). */
    public static final long DATASET_ROW_COUNT = 180_519L;

    private final long seed;
    private final OrderGenerator orders;

    /**
     * Creates a generator.
     *
     * @param seed any value; each seed gives its own sequence of rows
     */
    public DataCoGenerator(long seed) {
        this.seed = seed;
        this.orders = new OrderGenerator(seed);
    }

    /** The seed this generator was created with. */
    public long seed() {
        return seed;
    }

    /**
     * The first {@code count} rows, indexes {@code 0} to {@code count - 1}.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public Iterator<GeneratedRow> rows(long count) {
        return rows(0, count);
    }

    /**
     * The {@code count} rows from index {@code fromIndex} on, identical to those at the same indexes of
     * {@code rows(fromIndex + count)}. Finding the start costs one cheap hash per order before it (a few
     * milliseconds for millions of rows).
     *
     * @throws IllegalArgumentException when {@code fromIndex} or {@code count} is negative, or their sum
     *     overflows a {@code long}
     */
    public Iterator<GeneratedRow> rows(long fromIndex, long count) {
        if (fromIndex < 0) {
            throw new IllegalArgumentException("Generator fromIndex " + fromIndex + " is negative, expected >= 0");
        }
        checkCount(count);
        if (Long.MAX_VALUE - fromIndex < count) {
            throw new IllegalArgumentException("Generator fromIndex " + fromIndex + " plus count " + count
                    + " overflows a long, expected a sum <= " + Long.MAX_VALUE);
        }
        return new RowIterator(orders, fromIndex, count);
    }

    /**
     * Writes the header line ({@link DataCoColumn#headers()} in file order) and the first {@code count} rows to
     * {@code out} as RFC 4180 CSV: comma separated, a field quoted only when it holds a comma, quote or line break
     * (quotes doubled), LF line ends, a final line feed. Flushes {@code out} at the end but does not close it.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     * @throws UncheckedIOException when writing fails
     */
    public void writeCsv(long count, Writer out) {
        checkCount(count);
        requireNonNull(out, "out is null");
        StringBuilder line = new StringBuilder(1024);
        char[] chars = new char[1024];
        try {
            CsvLines.appendRecord(line, DataCoColumn.headers());
            chars = write(line, chars, out);
            Iterator<GeneratedRow> rows = rows(count);
            while (rows.hasNext()) {
                line.setLength(0);
                CsvLines.appendRecord(line, rows.next().values());
                chars = write(line, chars, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write generated DataCo CSV (seed " + seed + ", " + count + " rows): " + e.getMessage(), e);
        }
    }

    /** Writes {@code line} through a reused buffer, returning the buffer (grown when the line was longer). */
    private static char[] write(StringBuilder line, char[] chars, Writer out) throws IOException {
        char[] buffer = chars.length >= line.length() ? chars : new char[line.length() * 2];
        line.getChars(0, line.length(), buffer, 0);
        out.write(buffer, 0, line.length());
        return buffer;
    }

    private static void checkCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Generator row count " + count + " is negative, expected >= 0");
        }
    }

    @Override
    public String toString() {
        return "DataCoGenerator[seed=" + seed + "]";
    }
}

package io.chainline.core.generator;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates rows {@code [from, from + count)} of a generated sequence, one order at a time. Starting mid-way only
 * walks the orders' item counts (one hash per order) to find the order holding row {@code from}, then generates
 * that order and drops its rows before {@code from}. Not thread-safe.
 */
final class RowIterator implements Iterator<GeneratedRow> {
    private final OrderGenerator orders;
    private final long end;
    private final GeneratedRow[] buffer = new GeneratedRow[OrderGenerator.MAX_ITEMS];
    private long next;
    private long nextOrder;
    private long nextOrderStart;
    private int buffered;
    private int position;

    RowIterator(OrderGenerator orders, long from, long count) {
        this.orders = orders;
        this.next = from;
        this.end = from + count;
        long orderIndex = 0;
        long orderStart = 0;
        if (count > 0) {
            int items = orders.itemCount(orderIndex);
            while (orderStart + items <= from) {
                orderStart += items;
                orderIndex++;
                items = orders.itemCount(orderIndex);
            }
        }
        this.nextOrder = orderIndex;
        this.nextOrderStart = orderStart;
        this.position = (int) (from - orderStart);
        this.buffered = 0;
    }

    @Override
    public boolean hasNext() {
        return next < end;
    }

    @Override
    public GeneratedRow next() {
        if (next >= end) {
            throw new NoSuchElementException(
                    "No generated row at index " + next + ": this iterator ends before index " + end);
        }
        if (position >= buffered) {
            position -= buffered;
            buffered = orders.generate(nextOrder, nextOrderStart, buffer);
            nextOrder++;
            nextOrderStart += buffered;
        }
        next++;
        return buffer[position++];
    }
}

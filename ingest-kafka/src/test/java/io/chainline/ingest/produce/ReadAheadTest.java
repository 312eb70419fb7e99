package io.chainline.ingest.produce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.RetriableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void handsOutEveryItemInOrderThenNull() {
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> ahead = ReadAhead.start("test-read", counter(10_000), 7, 3)) {
            Integer item;
            while ((item = ahead.next()) != null) {
                taken.add(item);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(taken).hasSize(10_000);
        for (int i = 0; i < taken.size(); i++) {
            assertThat(taken.get(i)).isEqualTo(i);
        }
    }

    @Test
    void handsOutAnEmptySourceAsNull() {
        try (ReadAhead<Integer> ahead = ReadAhead.start("test-read", () -> null, 4, 2)) {
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void rethrowsTheSourcesFailureAfterTheItemsBeforeIt() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> failing = () -> {
            int call = calls.getAndIncrement();
            if (call == 10) {
                throw new RetriableException("Cannot read orders.csv at line 12: disk gone");
            }
            return call;
        };
        try (ReadAhead<Integer> ahead = ReadAhead.start("test-read", failing, 4, 2)) {
            for (int i = 0; i < 10; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
            assertThatThrownBy(ahead::next)
                    .isInstanceOf(RetriableException.class)
                    .hasMessage("Cannot read orders.csv at line 12: disk gone");
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void closeStopsTheThreadWhileItemsAreLeft() throws InterruptedException {
        AtomicReference<Thread> producer = new AtomicReference<>();
        Supplier<Integer> endless = () -> {
            producer.set(Thread.currentThread());
            return 1;
        };
        ReadAhead<Integer> ahead = ReadAhead.start("test-read-endless", endless, 16, 2);
        assertThat(ahead.next()).isEqualTo(1);
        ahead.close();
        assertThat(producer.get().getName()).isEqualTo("test-read-endless");
        assertThat(producer.get().isAlive()).isFalse();
    }

    private static Supplier<Integer> counter(int count) {
        AtomicInteger next = new AtomicInteger();
        return () -> next.get() < count ? next.getAndIncrement() : null;
    }
}

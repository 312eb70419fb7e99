package io.chainline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use of this JVM: the peak usage of every heap memory pool, summed. Pools peak at different moments, so
 * the sum is an upper bound of the heap in use at any one time.
 */
final class HeapPeaks {

    private HeapPeaks() {}

    /** Collects garbage, then starts a new measurement: every heap pool's peak is set to its current use. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The summed peak usage of the heap pools since the last {@link #reset()}, in bytes. */
    static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

package io.chainline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Samples the memory of a process and all its descendants (a JVM and the PostgreSQL server it started) from
 * {@code /proc}, keeping the peaks. Two sums: resident set size (counts pages shared between processes, such as
 * PostgreSQL's shared buffers, once per process) and proportional set size (shares them out: the honest total).
 */
final class ProcessTreeMemory implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;

    private final ProcessHandle root;
    private final Thread sampler;
    private volatile boolean stopped;
    private long peakRssKib;
    private long peakPssKib;
    private int peakProcesses;

    private ProcessTreeMemory(ProcessHandle root) {
        this.root = requireNonNull(root, "root is null");
        this.sampler = new Thread(this::sampleUntilStopped, "process-tree-memory");
        this.sampler.setDaemon(true);
    }

    /** Starts sampling {@code root}'s tree every 100 ms until closed. */
    static ProcessTreeMemory watch(ProcessHandle root) {
        ProcessTreeMemory memory = new ProcessTreeMemory(root);
        memory.sampler.start();
        return memory;
    }

    /** The peak summed RSS, in MiB. */
    synchronized long peakRssMib() {
        return peakRssKib / 1024;
    }

    /** The peak summed PSS, in MiB. */
    synchronized long peakPssMib() {
        return peakPssKib / 1024;
    }

    /** The most processes seen in the tree at once. */
    synchronized int peakProcesses() {
        return peakProcesses;
    }

    @Override
    public void close() {
        stopped = true;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleUntilStopped() {
        while (!stopped) {
            sample();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        List<ProcessHandle> tree =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        long rss = 0;
        long pss = 0;
        for (ProcessHandle process : tree) {
            rss += kib(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:");
            pss += kib(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:");
        }
        synchronized (this) {
            peakRssKib = Math.max(peakRssKib, rss);
            peakPssKib = Math.max(peakPssKib, pss);
            peakProcesses = Math.max(peakProcesses, tree.size());
        }
    }

    /** The kiB value of the first line starting with {@code field}; 0 when the process is gone. */
    private static long kib(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field))
                    .findFirst()
                    .map(line -> Long.parseLong(
                            line.substring(field.length()).replace("kB", "").trim()))
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

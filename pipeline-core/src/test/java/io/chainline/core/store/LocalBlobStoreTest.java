package io.chainline.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.chainline.core.store.WriteCondition.always;
import static io.chainline.core.store.WriteCondition.ifAbsent;
import static io.chainline.core.store.WriteCondition.ifGeneration;
import static org.assertj.core.api.Assertions.assertThat;

class LocalBlobStoreTest extends BlobStoreContractTest {
    private static final int THREADS = 16;

    @TempDir
    Path root;

    @Override
    BlobStore createStore() {
        return new LocalBlobStore(root.resolve("store"));
    }

    @Test
    void createsAMissingRootDirectory() {
        Path nested = root.resolve("a/b/c");

        new LocalBlobStore(nested).close();

        assertThat(nested).isDirectory();
    }

    @Test
    void rootAndUriOfAreAbsoluteFileUris() {
        Path dir = root.resolve("store").toAbsolutePath();

        assertThat(store.root()).isEqualTo(dir.toUri());
        assertThat(store.root().getScheme()).isEqualTo("file");
        assertThat(store.uriOf("a/b c.json"))
                .isEqualTo(dir.resolve("a/b c.json").toUri());
        assertThat(Path.of(store.uriOf("a/b c.json")))
                .isEqualTo(dir.resolve("a").resolve("b c.json"));
    }

    @Test
    void objectsAreFilesUnderTheRoot() throws Exception {
        store.write("dt=20261125T12/part-0.avro", bytes("avro"), always());

        assertThat(root.resolve("store/dt=20261125T12/part-0.avro")).hasContent("avro");
    }

    @Test
    void concurrentIfAbsentWritesHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String content = "writer-" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return store.write("race/lock", bytes(content), ifAbsent());
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    winners.add("writer-" + i);
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(text(store.read("race/lock").orElseThrow().content())).isEqualTo(winners.get(0));
            assertThat(names(store.list(""))).containsExactly("race/lock");
            assertThat(hiddenFiles()).allMatch(name -> name.equals(".chainline-store.lock"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCompareAndSwapLosesNoUpdate() throws Exception {
        store.write("counter", bytes("0"), always());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    int increments = 0;
                    while (increments < 5) {
                        StoredBlob current = store.read("counter").orElseThrow();
                        int next = Integer.parseInt(text(current.content())) + 1;
                        if (store.write(
                                "counter",
                                bytes(Integer.toString(next)),
                                ifGeneration(current.info().generation()))) {
                            increments++;
                        }
                    }
                    return increments;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }

            assertThat(text(store.read("counter").orElseThrow().content())).isEqualTo(Integer.toString(total));
            assertThat(total).isEqualTo(THREADS * 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoStoresOnOneDirectorySeeEachOthersConditions() {
        try (BlobStore other = new LocalBlobStore(root.resolve("store"))) {
            store.write("shared", bytes("v1"), always());
            String generation = other.stat("shared").orElseThrow().generation();

            assertThat(store.write("shared", bytes("v2"), ifGeneration(generation)))
                    .isTrue();
            assertThat(other.write("shared", bytes("v3"), ifGeneration(generation)))
                    .isFalse();
            assertThat(other.write("shared", bytes("v3"), ifAbsent())).isFalse();
            assertThat(text(other.read("shared").orElseThrow().content())).isEqualTo("v2");
        }
    }

    @Test
    void tempFilesLeftByACrashAreNeverListed() throws Exception {
        store.write("silver/t/part-0.parquet", bytes("ok"), always());
        Path crashed = root.resolve("store/silver/t/.chainline-tmp-3f2a9c");
        Files.write(crashed, bytes("half"));

        assertThat(names(store.list(""))).containsExactly("silver/t/part-0.parquet");
        assertThat(names(store.list("silver/t/"))).containsExactly("silver/t/part-0.parquet");
        assertThat(store.stat("silver/t/part-0.parquet")).isPresent();
    }

    @Test
    void aNameThatIsADirectoryIsNotAnObject() {
        store.write("dir/child", bytes("x"), always());

        assertThat(store.stat("dir")).isEmpty();
        assertThat(store.read("dir")).isEmpty();
        assertThat(store.delete("dir")).isFalse();
        assertThat(store.stat("dir/child/deeper")).isEmpty();
    }

    @Test
    void everyReplacementGetsANewGeneration() {
        List<String> generations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            store.write("g", bytes("same"), always());
            generations.add(store.stat("g").orElseThrow().generation());
        }

        assertThat(generations).doesNotHaveDuplicates();
    }

    @Test
    void noTempFilesRemainAfterWrites() throws Exception {
        store.write("w/a", bytes("1"), always());
        store.write("w/a", bytes("2"), ifAbsent());
        store.write("w/a", bytes("3"), ifGeneration("stale"));

        assertThat(hiddenFiles()).allMatch(name -> name.equals(".chainline-store.lock"));
    }

    private List<String> hiddenFiles() throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve("store"))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("."))
                    .toList();
        }
    }
}

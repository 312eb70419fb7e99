package io.chainline.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static io.chainline.core.store.WriteCondition.always;
import static io.chainline.core.store.WriteCondition.ifAbsent;
import static io.chainline.core.store.WriteCondition.ifGeneration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The behaviour every {@link BlobStore} shares; subclasses supply the store. */
abstract class BlobStoreContractTest {
    @TempDir
    Path scratch;

    BlobStore store;

    /** A fresh, empty store. */
    abstract BlobStore createStore() throws Exception;

    /**
     * Whether the backing system rejects writes and deletes whose generation does not match. Only a test double
     * that ignores those preconditions returns false; its precondition handling is tested elsewhere.
     */
    boolean enforcesGenerationPreconditions() {
        return true;
    }

    /** Whether two quick writes of one name always get different generations (a test double may reuse them). */
    boolean distinctGenerationPerWrite() {
        return true;
    }

    @BeforeEach
    void openStore() throws Exception {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void writeThenReadReturnsContentAndMetadata() {
        assertThat(store.write("a/b/c.json", bytes("{\"v\":1}"), always())).isTrue();

        StoredBlob blob = store.read("a/b/c.json").orElseThrow();
        assertThat(text(blob.content())).isEqualTo("{\"v\":1}");
        assertThat(blob.info().name()).isEqualTo("a/b/c.json");
        assertThat(blob.info().size()).isEqualTo(7);
        assertThat(blob.info().generation()).isNotBlank();
        assertThat(blob.info().updated()).isNotNull();
        assertThat(store.stat("a/b/c.json")).contains(blob.info());
    }

    @Test
    void writeOfEmptyContentCreatesAnEmptyObject() {
        assertThat(store.write("empty", new byte[0], always())).isTrue();

        assertThat(store.read("empty").orElseThrow().content()).isEmpty();
        assertThat(store.stat("empty").orElseThrow().size()).isZero();
    }

    @Test
    void alwaysOverwritesAndChangesGeneration() {
        store.write("x", bytes("one"), always());
        String first = store.stat("x").orElseThrow().generation();

        assertThat(store.write("x", bytes("second"), always())).isTrue();

        StoredBlob blob = store.read("x").orElseThrow();
        assertThat(text(blob.content())).isEqualTo("second");
        assertThat(blob.info().size()).isEqualTo(6);
        if (distinctGenerationPerWrite()) {
            assertThat(blob.info().generation()).isNotEqualTo(first);
        }
    }

    @Test
    void ifAbsentCreatesAMissingObject() {
        assertThat(store.write("new", bytes("v1"), ifAbsent())).isTrue();

        assertThat(text(store.read("new").orElseThrow().content())).isEqualTo("v1");
    }

    @Test
    void ifAbsentOnAnExistingObjectReturnsFalseAndKeepsContent() {
        store.write("x", bytes("original"), always());
        BlobInfo before = store.stat("x").orElseThrow();

        assertThat(store.write("x", bytes("intruder"), ifAbsent())).isFalse();

        assertThat(text(store.read("x").orElseThrow().content())).isEqualTo("original");
        assertThat(store.stat("x")).contains(before);
    }

    @Test
    void ifAbsentFromAFileOnAnExistingObjectReturnsFalse() throws IOException {
        store.write("x", bytes("original"), always());
        Path file = Files.write(scratch.resolve("upload.bin"), bytes("intruder"));

        assertThat(store.write("x", file, ifAbsent())).isFalse();

        assertThat(text(store.read("x").orElseThrow().content())).isEqualTo("original");
    }

    @Test
    void ifGenerationWithTheCurrentGenerationReplaces() {
        store.write("m", bytes("v1"), always());
        String generation = store.stat("m").orElseThrow().generation();

        assertThat(store.write("m", bytes("v2"), ifGeneration(generation))).isTrue();

        assertThat(text(store.read("m").orElseThrow().content())).isEqualTo("v2");
    }

    @Test
    void ifGenerationWithAStaleGenerationReturnsFalseAndKeepsContent() {
        assumeTrue(
                enforcesGenerationPreconditions() && distinctGenerationPerWrite(),
                "the backing test double ignores generation preconditions");
        store.write("m", bytes("v1"), always());
        String stale = store.stat("m").orElseThrow().generation();
        store.write("m", bytes("v2"), always());

        assertThat(store.write("m", bytes("v3"), ifGeneration(stale))).isFalse();

        assertThat(text(store.read("m").orElseThrow().content())).isEqualTo("v2");
    }

    @Test
    void ifGenerationOnAMissingObjectReturnsFalseAndCreatesNothing() {
        assumeTrue(enforcesGenerationPreconditions(), "the backing test double ignores generation preconditions");
        store.write("m", bytes("v1"), always());
        String generation = store.stat("m").orElseThrow().generation();
        store.delete("m");

        assertThat(store.write("m", bytes("v2"), ifGeneration(generation))).isFalse();

        assertThat(store.stat("m")).isEmpty();
    }

    @Test
    void ifGenerationWithAForeignTokenReturnsFalse() {
        store.write("m", bytes("v1"), always());

        assertThat(store.write("m", bytes("v2"), ifGeneration("not-a-generation")))
                .isFalse();

        assertThat(text(store.read("m").orElseThrow().content())).isEqualTo("v1");
    }

    @Test
    void writeFromALocalFileStreamsItsContent() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path file = Files.write(scratch.resolve("big.bin"), big);

        assertThat(store.write("data/big.bin", file, ifAbsent())).isTrue();

        assertThat(store.stat("data/big.bin").orElseThrow().size()).isEqualTo(big.length);
        try (InputStream in = store.open("data/big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void writeFromAMissingLocalFileFailsAndCreatesNothing() {
        Path missing = scratch.resolve("missing.bin");

        assertThatThrownBy(() -> store.write("x", missing, always()))
                .isInstanceOf(ChainlineException.class)
                .hasMessageContaining("missing.bin");
        assertThat(store.stat("x")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void openStreamsTheContent() throws IOException {
        store.write("s/file.txt", bytes("streamed"), always());

        try (InputStream in = store.open("s/file.txt")) {
            assertThat(text(in.readAllBytes())).isEqualTo("streamed");
        }
    }

    @Test
    void listReturnsObjectsUnderThePrefixSortedAndRecursive() {
        for (String name : List.of("silver/b/2", "silver/a", "silver/b/1", "silverware", "raw/x", "silver/b/c/deep")) {
            store.write(name, bytes(name), always());
        }

        assertThat(names(store.list("silver/")))
                .containsExactly("silver/a", "silver/b/1", "silver/b/2", "silver/b/c/deep");
        assertThat(names(store.list("silver")))
                .containsExactly("silver/a", "silver/b/1", "silver/b/2", "silver/b/c/deep", "silverware");
        assertThat(names(store.list("silver/b/"))).containsExactly("silver/b/1", "silver/b/2", "silver/b/c/deep");
        assertThat(names(store.list("")))
                .containsExactly("raw/x", "silver/a", "silver/b/1", "silver/b/2", "silver/b/c/deep", "silverware");
        assertThat(store.list("nothing/")).isEmpty();
    }

    @Test
    void listReportsTheSameMetadataAsStat() {
        store.write("p/one", bytes("12345"), always());

        assertThat(store.list("p/")).containsExactly(store.stat("p/one").orElseThrow());
    }

    @Test
    void deleteRemovesAndReportsWhetherSomethingWasThere() {
        store.write("d/x", bytes("x"), always());

        assertThat(store.delete("d/x")).isTrue();
        assertThat(store.delete("d/x")).isFalse();
        assertThat(store.stat("d/x")).isEmpty();
        assertThat(store.list("d/")).isEmpty();
    }

    @Test
    void conditionalDeleteWithTheCurrentGenerationDeletes() {
        store.write("c", bytes("x"), always());
        String generation = store.stat("c").orElseThrow().generation();

        assertThat(store.delete("c", generation)).isTrue();

        assertThat(store.stat("c")).isEmpty();
    }

    @Test
    void conditionalDeleteWithAStaleGenerationKeepsTheObject() {
        assumeTrue(
                enforcesGenerationPreconditions() && distinctGenerationPerWrite(),
                "the backing test double ignores generation preconditions");
        store.write("c", bytes("v1"), always());
        String stale = store.stat("c").orElseThrow().generation();
        store.write("c", bytes("v2"), always());

        assertThat(store.delete("c", stale)).isFalse();

        assertThat(text(store.read("c").orElseThrow().content())).isEqualTo("v2");
    }

    @Test
    void conditionalDeleteOfAMissingObjectReturnsFalse() {
        assertThat(store.delete("nothing", "12345")).isFalse();
    }

    @Test
    void missingObjectsAreEmptyOrNamedInTheError() {
        assertThat(store.stat("no/such")).isEmpty();
        assertThat(store.read("no/such")).isEmpty();
        assertThat(store.delete("no/such")).isFalse();
        assertThatThrownBy(() -> store.open("no/such"))
                .isInstanceOf(ChainlineException.class)
                .hasMessageContaining(store.uriOf("no/such").toString())
                .hasMessageContaining("no such object");
    }

    @Test
    void uriOfIsUnderTheRoot() {
        assertThat(store.root().toString()).endsWith("/");
        assertThat(store.uriOf("a/b.json").toString()).isEqualTo(store.root() + "a/b.json");
    }

    @Test
    void invalidNamesAreRejectedByEveryOperation() {
        assertThatThrownBy(() -> store.write("../escape", bytes("x"), always()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid object name '../escape': '..' segments are not allowed");
        assertThatThrownBy(() -> store.read("/abs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/abs'");
        assertThatThrownBy(() -> store.stat("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("a\\b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a/./b", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("a//"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix 'a//'");
        assertThatThrownBy(() -> store.uriOf(".chainline-tmp-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void readReturnsAnImmutableSnapshot() {
        store.write("i", bytes("abc"), always());
        StoredBlob blob = store.read("i").orElseThrow();

        blob.content()[0] = 'z';

        assertThat(text(blob.content())).isEqualTo("abc");
        assertThat(store.read("i")).map(b -> text(b.content())).isEqualTo(Optional.of("abc"));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static List<String> names(List<BlobInfo> infos) {
        return infos.stream().map(BlobInfo::name).toList();
    }
}

package io.chainline.core.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StateDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void subDirectoriesAreCreatedOnFirstUse() {
        Path root = tmp.resolve("state");
        StateDirectory dir = new StateDirectory(root);
        assertThat(dir.root()).isEqualTo(root.toAbsolutePath());
        assertThat(root).doesNotExist();

        assertThat(dir.services()).isEqualTo(root.resolve("services")).isDirectory();
        assertThat(dir.logs()).isEqualTo(root.resolve("logs")).isDirectory();
        assertThat(dir.positions()).isEqualTo(root.resolve("positions")).isDirectory();
        assertThat(dir.services()).isDirectory();
    }

    @Test
    void resolveCreatesParentsAndStaysInside() {
        StateDirectory dir = new StateDirectory(tmp);

        Path trigger = dir.resolve("mage/trigger.json");

        assertThat(trigger)
                .isEqualTo(tmp.resolve("mage").resolve("trigger.json"))
                .doesNotExist();
        assertThat(tmp.resolve("mage")).isDirectory();
        assertThatThrownBy(() -> dir.resolve("../outside"))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Invalid state path '../outside': must be a relative path inside the state directory "
                        + tmp.toAbsolutePath());
        assertThatThrownBy(() -> dir.resolve("/etc/passwd")).hasMessageStartingWith("Invalid state path '/etc/passwd'");
    }

    @Test
    void defaultRootIsDotChainlineInTheHomeDirectory() {
        assertThat(StateDirectory.defaultRoot()).isEqualTo(Path.of(System.getProperty("user.home"), ".chainline"));
    }

    @Test
    void writeAtomicallyReplacesContentAndLeavesNoTemporaryFile() throws IOException {
        StateDirectory dir = new StateDirectory(tmp);
        Path file = dir.resolve("positions/csv.json");

        dir.writeAtomically(file, "first".getBytes(StandardCharsets.UTF_8));
        dir.writeAtomically(file, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("second");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void secretFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        StateDirectory dir = new StateDirectory(tmp);
        Path file = tmp.resolve("secrets").resolve("key.json");

        dir.writeSecretFile(file, "{\"key\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("{\"key\":\"s3cr3t\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void secretFileReplacesAWorldReadableFileWithAnOwnerOnlyOne() throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        StateDirectory dir = new StateDirectory(tmp);
        Path file = tmp.resolve("token");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        dir.writeSecretFile(file, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileWhereADirectoryBelongsIsReported() throws IOException {
        Files.writeString(tmp.resolve("logs"), "not a directory");
        StateDirectory dir = new StateDirectory(tmp);

        assertThatThrownBy(dir::logs)
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Cannot use " + tmp.resolve("logs") + " as a directory: a file of that name exists");
    }
}

package io.chainline.runner.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.state.RetentionSettings.Retention;

import static org.assertj.core.api.Assertions.assertThat;

/** Pruning of runs/ and reports/ with a fixed clock and real files whose modification times the test sets. */
class StatePrunerTest {
    private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");

    @TempDir
    Path root;

    private StatePruner pruner(Retention runs, Retention reports) {
        return new StatePruner(
                new StateDirectory(root), new RetentionSettings(runs, reports), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path runFolder(String name, Duration age) throws IOException {
        Path folder = Files.createDirectories(root.resolve("runs").resolve(name));
        Path data = Files.createDirectories(folder.resolve("pgdata/base"));
        Files.write(data.resolve("1"), new byte[4096]);
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(age)));
        return folder;
    }

    private List<Path> report(String id, Duration age) throws IOException {
        Path reports = Files.createDirectories(root.resolve("reports"));
        Path json = Files.writeString(reports.resolve("run-" + id + ".json"), "{}");
        Path html = Files.writeString(reports.resolve("run-" + id + ".html"), "<html></html>");
        Files.setLastModifiedTime(json, FileTime.from(NOW.minus(age)));
        Files.setLastModifiedTime(html, FileTime.from(NOW.minus(age)));
        return List.of(json, html);
    }

    private static long deadPid() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.onExit().join();
        return finished.pid();
    }

    private static void own(Path folder, long pid) throws IOException {
        Files.writeString(RunFolders.ownerFile(folder), Long.toString(pid));
    }

    @Test
    void runFoldersBeyondTheNewestOrTooOldGoUnlessAProcessStillUsesThem() throws Exception {
        Path newest = runFolder("20300615-110000-kafka", Duration.ofHours(1));
        Path tooOld = runFolder("20300601-110000-kafka", Duration.ofDays(14));
        Path second = runFolder("20300614-110000-postgres", Duration.ofDays(1));
        Path third = runFolder("20300613-110000-kafka", Duration.ofDays(2));
        Path inUse = runFolder("20300612-110000-postgres", Duration.ofDays(3));
        own(inUse, ProcessHandle.current().pid());
        own(third, deadPid());

        List<Path> removed = pruner(new Retention(2, Duration.ofDays(7)), new Retention(100, Duration.ofDays(30)))
                .prune();

        assertThat(newest).isDirectory();
        assertThat(second).isDirectory();
        assertThat(inUse).as("claimed by a live process").isDirectory();
        assertThat(RunFolders.ownerFile(inUse)).exists();
        assertThat(third).as("beyond the 2 newest, its owner gone").doesNotExist();
        assertThat(RunFolders.ownerFile(third)).doesNotExist();
        assertThat(tooOld).as("older than 7 days").doesNotExist();
        assertThat(removed).contains(third, tooOld).doesNotContain(newest, second, inUse);
    }

    @Test
    void anOldFolderGoesEvenAmongTheNewest() throws Exception {
        Path old = runFolder("20300101-000000-kafka", Duration.ofDays(8));

        pruner(new Retention(10, Duration.ofDays(7)), new Retention(100, Duration.ofDays(30)))
                .prune();

        assertThat(old).doesNotExist();
        assertThat(root.resolve("runs")).isDirectory();
    }

    @Test
    void reportsGoInPairsByCountAndAge() throws Exception {
        List<Path> today = report("20300615-110000-aaaa", Duration.ofHours(1));
        List<Path> yesterday = report("20300614-110000-bbbb", Duration.ofDays(1));
        List<Path> lastWeek = report("20300608-110000-cccc", Duration.ofDays(7));
        List<Path> lastMonth = report("20300510-110000-dddd", Duration.ofDays(36));
        Path unrelated = Files.writeString(root.resolve("reports/notes.txt"), "mine");
        Path temporary = Files.writeString(root.resolve("reports/.run-x.json.123.tmp"), "{");

        List<Path> removed = pruner(new Retention(10, Duration.ofDays(7)), new Retention(2, Duration.ofDays(30)))
                .prune();

        assertThat(today).allSatisfy(file -> assertThat(file).exists());
        assertThat(yesterday).allSatisfy(file -> assertThat(file).exists());
        assertThat(lastWeek)
                .as("beyond the 2 newest")
                .allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(lastMonth)
                .as("older than 30 days")
                .allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(unrelated).exists();
        assertThat(temporary).exists();
        assertThat(removed)
                .containsExactlyInAnyOrder(lastWeek.get(0), lastWeek.get(1), lastMonth.get(0), lastMonth.get(1));
    }

    @Test
    void orphanOwnerFilesGoOnlyWhenTheirProcessHasEnded() throws Exception {
        Path runs = Files.createDirectories(root.resolve("runs"));
        Path dead = runs.resolve("20300615-100000-kafka");
        Path alive = runs.resolve("20300615-110000-kafka");
        own(dead, deadPid());
        own(alive, ProcessHandle.current().pid());

        pruner(new Retention(10, Duration.ofDays(7)), new Retention(100, Duration.ofDays(30)))
                .prune();

        assertThat(RunFolders.ownerFile(dead)).doesNotExist();
        assertThat(RunFolders.ownerFile(alive))
                .as("its service is about to create the folder")
                .exists();
    }

    @Test
    void aMissingStateDirectoryIsNothingToPrune() {
        StatePruner pruner = new StatePruner(
                new StateDirectory(root.resolve("never-used")),
                new RetentionSettings(new Retention(1, Duration.ofDays(1)), new Retention(1, Duration.ofDays(1))),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(pruner.prune()).isEmpty();
        assertThat(root.resolve("never-used")).doesNotExist();
    }

    @Test
    void claimingAndReleasingAFolder() {
        StateDirectory state = new StateDirectory(root);

        Path folder = RunFolders.claim(state, "20300615-120000-kafka");

        assertThat(folder).isEqualTo(root.resolve("runs/20300615-120000-kafka"));
        assertThat(RunFolders.inUse(folder)).isTrue();
        RunFolders.release(folder);
        assertThat(RunFolders.inUse(folder)).isFalse();
        assertThat(RunFolders.ownerFile(folder)).doesNotExist();
    }

    @Test
    void usageCountsEntriesAndBytes() throws Exception {
        runFolder("20300615-110000-kafka", Duration.ofHours(1));
        own(root.resolve("runs/20300615-110000-kafka"), ProcessHandle.current().pid());
        report("20300615-110000-aaaa", Duration.ofHours(1));

        FolderUsage runs = FolderUsage.of(root, "runs");
        FolderUsage reports = FolderUsage.of(root, "reports");
        FolderUsage missing = FolderUsage.of(root, "nothing");

        assertThat(runs.entries()).isEqualTo(1);
        assertThat(runs.bytes())
                .isEqualTo(4096 + Long.toString(ProcessHandle.current().pid()).length());
        assertThat(reports.entries()).isEqualTo(2);
        assertThat(reports.bytes()).isEqualTo("{}".length() + "<html></html>".length());
        assertThat(missing.entries()).isZero();
        assertThat(missing.size()).isEqualTo("0 B");
        assertThat(FolderUsage.format(1023)).isEqualTo("1023 B");
        assertThat(FolderUsage.format(1536)).isEqualTo("1.5 KiB");
        assertThat(FolderUsage.format(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }
}

package io.chainline.export.mage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;
import io.chainline.export.mage.client.MageTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MageTriggerStoreTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path stateDir;

    @Test
    void aTriggerIsKeptInAFileOnlyItsOwnerReads() throws IOException {
        MageTriggerStore store = new MageTriggerStore(new StateDirectory(stateDir));
        MageTrigger trigger = new MageTrigger("chainline_export", "chainline_export_api", 7, Secret.of(TOKEN));

        store.save(trigger);

        assertThat(store.file()).isEqualTo(stateDir.toAbsolutePath().resolve("mage/trigger.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(store.load()).contains(trigger);
        assertThat(trigger.toString()).doesNotContain(TOKEN).contains("[hidden]");
    }

    @Test
    void noFileMeansNoTrigger() {
        assertThat(new MageTriggerStore(new StateDirectory(stateDir)).load()).isEmpty();
    }

    @Test
    void aDamagedFileIsNamedWithoutQuotingIt() throws IOException {
        MageTriggerStore store = new MageTriggerStore(new StateDirectory(stateDir));
        Files.writeString(store.file(), "{\"scheduleId\": 7, \"token\": \"" + TOKEN + "\"");

        assertThatThrownBy(store::load)
                .isInstanceOf(ChainlineException.class)
                .hasMessage("The Mage trigger file " + store.file() + " is not a stored trigger: run"
                        + " `chainline start-mage` again to replace it")
                .hasNoCause();
    }
}

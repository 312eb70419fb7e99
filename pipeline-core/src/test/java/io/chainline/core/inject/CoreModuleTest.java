package io.chainline.core.inject;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.settings.KafkaSettings;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LocalBlobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreModuleTest {

    private static Config load(String... sets) {
        return new ConfigLoader(new ConfigSources(
                        CoreModuleTest.class.getClassLoader(), Optional.empty(), Map.of(), List.of(sets)))
                .load();
    }

    @Test
    void bindsConfigClockAndSharedSettingsAsSingletons() {
        Config config = load("chainline.kafka.bootstrap=b:1");
        Injector injector = Guice.createInjector(new CoreModule(config));

        assertThat(injector.getInstance(Config.class)).isSameAs(config);
        assertThat(injector.getInstance(Clock.class)).isNotNull();
        assertThat(injector.getInstance(KafkaSettings.class).bootstrap()).isEqualTo("b:1");
        assertThat(injector.getInstance(StoreSettings.class)).isSameAs(injector.getInstance(StoreSettings.class));
    }

    @Test
    void aBadSettingFailsWhenItIsFirstAskedFor() {
        Injector injector = Guice.createInjector(new CoreModule(load("chainline.kafka.bootstrap=nope")));

        assertThatThrownBy(() -> injector.getInstance(KafkaSettings.class))
                .isInstanceOfAny(ProvisionException.class, CreationException.class)
                .hasMessageContaining("Invalid value 'nope' for 'chainline.kafka.bootstrap'");
    }

    @Test
    void bindsTheObjectStoreOfTheConfiguredRoot(@TempDir Path root) {
        Injector injector = Guice.createInjector(new CoreModule(load("chainline.store.root=" + root.toUri())));

        BlobStore store = injector.getInstance(BlobStore.class);

        assertThat(store).isInstanceOf(LocalBlobStore.class);
        assertThat(store.root()).isEqualTo(root.toUri());
    }
}

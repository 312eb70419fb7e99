package io.chainline.core.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.settings.KafkaSettings;
import io.chainline.core.settings.PostgresSettings;
import io.chainline.core.settings.StateSettings;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.state.StateDirectory;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.core.store.GcsStorageFactory;

import static java.util.Objects.requireNonNull;

/**
 * Binds what every module needs: the loaded {@link Config}, the clock and the shared connection settings
 * ({@code chainline.kafka}, {@code postgres}, {@code store}, {@code state-dir}), each read eagerly so a bad value
 * fails when the injector is built, before any I/O; and the state directory.
 */
public final class CoreModule extends AbstractModule {
    private final Config config;
    private final Clock clock;

    /** A module for the given, already loaded configuration and the system UTC clock. */
    public CoreModule(Config config) {
        this(config, Clock.systemUTC());
    }

    /** A module for the given configuration and clock. */
    public CoreModule(Config config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void configure() {
        bind(Config.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
        bind(Lifecycle.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    KafkaSettings kafkaSettings(Config root) {
        return KafkaSettings.from(root);
    }

    @Provides
    @Singleton
    PostgresSettings postgresSettings(Config root) {
        return PostgresSettings.from(root);
    }

    @Provides
    @Singleton
    StoreSettings storeSettings(Config root) {
        return StoreSettings.from(root);
    }

    @Provides
    @Singleton
    StateSettings stateSettings(Config root) {
        return StateSettings.from(root);
    }

    @Provides
    @Singleton
    StateDirectory stateDirectory(StateSettings settings) {
        return new StateDirectory(settings.stateDir());
    }

    /**
     * The object store at {@code chainline.store.root}; the GCS client is created only for a gs:// root. Not a
     * singleton on purpose: singletons are built when the injector is, and a command that never touches the store
     * must not create its directory or a GCS client.
     */
    @Provides
    BlobStore blobStore(StoreSettings settings) {
        return BlobStores.forUri(
                settings.root(), () -> GcsStorageFactory.create(settings.gcsProject(), settings.credentialsFile()));
    }
}

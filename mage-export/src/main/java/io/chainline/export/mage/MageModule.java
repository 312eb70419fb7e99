package io.chainline.export.mage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.state.StateDirectory;
import io.chainline.export.mage.client.MageClient;
import io.chainline.export.mage.provision.MageProvisioner;

/**
 * The Mage bindings of mage-export, installed by {@code ExportModule}: {@link MageSettings}, the stored trigger,
 * the client and the provisioner. The client and provisioner are unscoped: each is made when a command needs it,
 * and its HTTP client is closed by the run's {@link Lifecycle}, so commands without Mage never create one.
 */
public final class MageModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(Lifecycle.class);
        requireBinding(StateDirectory.class);
    }

    @Provides
    @Singleton
    MageSettings mageSettings(Config config) {
        return MageSettings.from(config);
    }

    @Provides
    @Singleton
    MageTriggerStore mageTriggerStore(StateDirectory state) {
        return new MageTriggerStore(state);
    }

    @Provides
    MageClient mageClient(MageSettings settings, Lifecycle lifecycle) {
        return MageClient.create(settings, lifecycle);
    }

    @Provides
    MageProvisioner mageProvisioner(MageSettings settings, MageClient client, MageTriggerStore triggers) {
        return new MageProvisioner(settings, client, triggers);
    }
}

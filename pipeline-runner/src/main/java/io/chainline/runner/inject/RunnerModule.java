package io.chainline.runner.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.core.settings.StateSettings;

/** Binds what the runner itself needs: the state directory and the service registry in it. */
public final class RunnerModule extends AbstractModule {

    @Provides
    @Singleton
    StateDirectory stateDirectory(StateSettings settings) {
        return new StateDirectory(settings.stateDir());
    }

    @Provides
    @Singleton
    ServiceRegistry serviceRegistry(StateDirectory directory, Clock clock) {
        return new ServiceRegistry(directory, clock);
    }
}

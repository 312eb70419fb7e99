package io.chainline.runner.inject;

import java.util.ArrayList;
import java.util.List;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.export.ExportModule;
import io.chainline.ingest.IngestModule;
import io.chainline.olap.OlapModule;
import io.chainline.sinks.SinksModule;

/**
 * Assembles the injector from every module's Guice module plus any modules an embedding project adds. Singletons
 * are built eagerly, so every module's settings are read and validated before anything runs, and all configuration
 * problems of all modules are reported together.
 */
public final class ChainlineInjector {

    private ChainlineInjector() {}

    /** The modules Chainline itself contributes for the given configuration. */
    public static List<Module> standardModules(Config config) {
        return List.of(
                new CoreModule(config),
                new RunnerModule(),
                new IngestModule(),
                new SinksModule(),
                new OlapModule(),
                new ExportModule());
    }

    /**
     * Builds the injector.
     *
     * @param config the loaded configuration
     * @param extra modules of an embedding project (new stages, sources, sinks, …)
     * @throws ConfigException listing every invalid setting of every module
     */
    public static Injector create(Config config, List<? extends Module> extra) {
        return create(config, extra, List.of());
    }

    /**
     * Builds the injector with some of its bindings replaced ({@link Modules#override}).
     *
     * @param config the loaded configuration
     * @param extra modules of an embedding project (new stages, sources, sinks, …)
     * @param overrides modules whose bindings replace those of Chainline's modules and of {@code extra}
     * @throws ConfigException listing every invalid setting of every module
     */
    public static Injector create(Config config, List<? extends Module> extra, List<? extends Module> overrides) {
        List<Module> modules = new ArrayList<>(standardModules(config));
        modules.addAll(extra);
        Module all = overrides.isEmpty()
                ? Modules.combine(modules)
                : Modules.override(modules).with(overrides);
        try {
            return Guice.createInjector(Stage.PRODUCTION, all);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    private static RuntimeException unwrap(Iterable<Message> messages, RuntimeException original) {
        List<String> problems = new ArrayList<>();
        for (Message message : messages) {
            if (message.getCause() instanceof ConfigException config) {
                problems.addAll(config.problems());
            } else {
                return original;
            }
        }
        return problems.isEmpty()
                ? original
                : new ConfigException(problems.stream().distinct().toList());
    }
}

package io.chainline.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;

/**
 * Configuration for tests: every {@code reference.conf} on the test classpath, no {@code application.conf} layer
 * surprises from the environment, plus {@code --set}-style overrides.
 */
public final class TestConfigs {

    private TestConfigs() {}

    /** The defaults plus the given {@code chainline.key=value} overrides, with an empty environment. */
    public static Config load(String... overrides) {
        return new ConfigLoader(new ConfigSources(
                        TestConfigs.class.getClassLoader(), Optional.empty(), Map.of(), List.of(overrides)))
                .load();
    }
}

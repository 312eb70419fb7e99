package io.chainline.core.inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryTest {

    /** An extension point of the test. */
    interface Greeter {
        String greet();
    }

    private static Registry<Greeter> registry(Injector injector) {
        return injector.getInstance(Key.get(new TypeLiteral<Registry<Greeter>>() {}));
    }

    private static final class GreeterModule extends AbstractModule {
        @Override
        protected void configure() {
            Registry.register(binder(), Greeter.class, "plain").toInstance(() -> "hello");
            Registry.register(binder(), Greeter.class, "loud").toInstance(() -> "HELLO");
        }

        @Provides
        Registry<Greeter> greeters(Map<String, Provider<Greeter>> entries) {
            return new Registry<>("greeter", entries);
        }
    }

    @Test
    void registeredImplementationsAreFoundByName() {
        Registry<Greeter> greeters = registry(Guice.createInjector(new GreeterModule()));

        assertThat(greeters.names()).containsExactly("loud", "plain");
        assertThat(greeters.get("loud", "greeting.mode").greet()).isEqualTo("HELLO");
        assertThat(greeters.contains("plain")).isTrue();
        assertThat(greeters.contains("quiet")).isFalse();
    }

    @Test
    void anUnknownNameFailsWithTheRegisteredOnes() {
        Registry<Greeter> greeters = registry(Guice.createInjector(new GreeterModule()));

        assertThatThrownBy(() -> greeters.get("quiet", "greeting.mode"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown greeter 'quiet' for 'greeting.mode': registered greeters are [loud, plain]");
        assertThatThrownBy(() -> greeters.checkRegistered(List.of("plain", "quiet", "shy", "quiet"), "--greeter"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "Unknown greeter 'quiet' for '--greeter': registered greeters are [loud, plain]",
                                "Unknown greeter 'shy' for '--greeter': registered greeters are [loud, plain]"));
    }

    @Test
    void anotherModuleAddsAnImplementationAndAnOverrideReplacesOneByItsKey() {
        Injector injector = Guice.createInjector(Modules.override(
                        new GreeterModule(),
                        binder -> Registry.register(binder, Greeter.class, "polite")
                                .toInstance(() -> "good day"))
                .with(binder -> binder.bind(Registry.key(Greeter.class, "loud")).toInstance(() -> "HI")));

        Registry<Greeter> greeters = registry(injector);

        assertThat(greeters.names()).containsExactly("loud", "plain", "polite");
        assertThat(greeters.get("polite", "x").greet()).isEqualTo("good day");
        assertThat(greeters.get("loud", "x").greet()).isEqualTo("HI");
    }

    @Test
    void anImplementationIsCreatedOnlyWhenItsNameIsAskedFor() {
        AtomicInteger created = new AtomicInteger();
        Registry<Greeter> greeters = registry(Guice.createInjector(
                new GreeterModule(),
                binder -> Registry.register(binder, Greeter.class, "counted").toProvider((Provider<Greeter>) () -> {
                    created.incrementAndGet();
                    return () -> "counted";
                })));

        greeters.get("plain", "x");
        assertThat(greeters.names()).contains("counted");
        assertThat(created).hasValue(0);
        greeters.get("counted", "x");
        assertThat(created).hasValue(1);
    }

    @Test
    void aNameRegisteredTwiceFailsWhenTheInjectorIsBuilt() {
        assertThatThrownBy(() -> Guice.createInjector(
                        new GreeterModule(),
                        binder -> Registry.register(binder, Greeter.class, "plain")
                                .toInstance(() -> "again")))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("plain");
    }

    @Test
    void namesAreShortLowerCaseTypeNames() {
        assertThatThrownBy(() -> Registry.key(Greeter.class, "Big Greeter"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid Greeter name 'Big Greeter': use lower-case letters, digits, '-' and '_',"
                        + " starting with a letter");
        assertThat(Registry.key(Greeter.class, "dim_date-2")).isNotNull();
    }

    @Test
    void settingsReadRegisteredNamesAndReportEveryUnknownOneWithTheOthers() {
        Registry<Greeter> greeters = registry(Guice.createInjector(new GreeterModule()));
        SettingsReader read = SettingsReader.of(
                ConfigFactory.parseString("g { mode = quiet, enabled = [plain, shy], retries = -1 }"), "g");

        assertThat(read.registeredName("mode", greeters)).isEqualTo("quiet");
        assertThat(read.registeredNames("enabled", greeters)).containsExactly("plain", "shy");
        read.intAtLeast("retries", 0);

        assertThat(read.problems())
                .containsExactly(
                        "Unknown greeter 'quiet' for 'g.mode': registered greeters are [loud, plain]",
                        "Unknown greeter 'shy' for 'g.enabled': registered greeters are [loud, plain]",
                        "Invalid value '-1' for 'g.retries': must be >= 0");
    }
}

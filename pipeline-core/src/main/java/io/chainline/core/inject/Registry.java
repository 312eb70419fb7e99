package io.chainline.core.inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * The implementations of one extension point (record sources, sinks, exporters, table builders), each registered
 * under a short type name such as {@code "csv"}, {@code "postgres"} or {@code "local"}; configuration chooses among
 * them by name, and an unknown name fails with the list of registered ones.
 *
 * <p>Registration, in a Guice module: {@link #register(Binder, Class, String)} adds the name to the extension
 * point's {@code MapBinder<String, T>} and binds it to {@link #key(Class, String) key(spi, name)}, so replacing a
 * registered implementation is overriding that key ({@code Modules.override}). Registering a name twice fails when
 * the injector is built. Each extension point's module provides the {@code Registry<T>} made from the map of
 * providers that Guice binds for it; an implementation is created only when a run asks for its name.
 *
 * @param <T> the extension point's interface
 */
public final class Registry<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final String kind;
    private final SortedMap<String, Provider<? extends T>> entries;

    /**
     * A registry over the given providers.
     *
     * @param kind what one implementation is called in messages, singular: {@code sink}, {@code record source}
     * @param entries name → provider, as Guice binds {@code Map<String, Provider<T>>} for a {@code MapBinder}
     */
    public Registry(String kind, Map<String, ? extends Provider<? extends T>> entries) {
        this.kind = requireNonNull(kind, "kind is null");
        this.entries = new TreeMap<>(requireNonNull(entries, "entries is null"));
    }

    /**
     * Registers an implementation of {@code spi} under {@code name}; finish with {@code .to(...)},
     * {@code .toInstance(...)} or {@code .toProvider(...)} on the returned binder.
     *
     * @throws IllegalArgumentException when {@code name} is not lower-case letters, digits, {@code -} and {@code _},
     *     starting with a letter
     */
    public static <T> LinkedBindingBuilder<T> register(Binder binder, Class<T> spi, String name) {
        requireNonNull(binder, "binder is null");
        Key<T> key = key(spi, name);
        MapBinder.newMapBinder(binder, String.class, spi).addBinding(name).to(key);
        return binder.bind(key);
    }

    /**
     * The key the implementation of {@code spi} registered as {@code name} is bound under; bind it in an overriding
     * module to replace that implementation.
     *
     * @throws IllegalArgumentException when {@code name} is not a valid type name
     */
    public static <T> Key<T> key(Class<T> spi, String name) {
        requireNonNull(spi, "spi is null");
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + spi.getSimpleName() + " name '" + name
                    + "': use lower-case letters, digits, '-' and '_', starting with a letter");
        }
        return Key.get(spi, Names.named(name));
    }

    /** What one implementation is called in messages, e.g. {@code sink}. */
    public String kind() {
        return kind;
    }

    /** The registered names, sorted. */
    public SortedSet<String> names() {
        return new TreeSet<>(entries.keySet());
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return entries.containsKey(requireNonNull(name, "name is null"));
    }

    /**
     * The implementation registered as {@code name}, from its provider (a new one unless its binding is scoped).
     *
     * @param setting the key or option that named it, for the message, e.g. {@code chainline.sinks.enabled}
     * @throws ConfigException when no implementation is registered as {@code name}
     */
    public T get(String name, String setting) {
        Provider<? extends T> provider = entries.get(requireNonNull(name, "name is null"));
        if (provider == null) {
            throw new ConfigException(unknown(name, setting));
        }
        return provider.get();
    }

    /**
     * Checks that every name is registered.
     *
     * @param setting the key or option that named them
     * @throws ConfigException listing every unknown name with the registered ones
     */
    public void checkRegistered(Collection<String> names, String setting) {
        List<String> problems = problems(names, setting);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** One problem per name that is not registered, as {@link #unknown(String, String)} words it. */
    public List<String> problems(Collection<String> names, String setting) {
        return requireNonNull(names, "names is null").stream()
                .filter(name -> !entries.containsKey(name))
                .distinct()
                .map(name -> unknown(name, setting))
                .toList();
    }

    /**
     * "Unknown sink 's3' for 'chainline.sinks.enabled': registered sinks are [postgres, raw]".
     *
     * @param setting the key or option that named it
     */
    public String unknown(String name, String setting) {
        requireNonNull(setting, "setting is null");
        return "Unknown " + kind + " '" + name + "' for '" + setting + "': registered " + kind + "s are " + names();
    }

    @Override
    public String toString() {
        return kind + "s " + names();
    }
}

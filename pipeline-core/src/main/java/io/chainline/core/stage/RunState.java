package io.chainline.core.stage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Values one stage hands to a later stage of the same run, such as the URI of the silver manifest or the Kafka
 * offset ranges an ingest produced. Keys are typed so that a reader gets back what the writer put.
 */
public final class RunState {
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();

    /**
     * A typed key.
     *
     * @param name a descriptive name, e.g. {@code silver.manifest-uri}
     * @param type the value's class
     */
    public record Key<T>(String name, Class<T> type) {
        public Key {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }

        /** Creates a key. */
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }
    }

    /** Stores a value, replacing an earlier one under the same key. */
    public <T> void put(Key<T> key, T value) {
        requireNonNull(key, "key is null");
        values.put(key, requireNonNull(value, "value is null"));
    }

    /** The value stored under the key, if any. */
    public <T> Optional<T> get(Key<T> key) {
        requireNonNull(key, "key is null");
        return Optional.ofNullable(values.get(key)).map(key.type()::cast);
    }
}

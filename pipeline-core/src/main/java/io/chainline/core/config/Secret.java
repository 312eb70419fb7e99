package io.chainline.core.config;

import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A secret setting (password, API key, token). Its {@link #toString()} is {@code [hidden]}, so it can sit in a
 * settings record that is logged or printed; only {@link #reveal()} gives the value, to the client that needs it.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    /** A secret holding the value. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** The empty secret: no password. */
    public static Secret empty() {
        return EMPTY;
    }

    /** The value; hand it only to the client that authenticates with it. */
    public String reveal() {
        return value;
    }

    /** Whether no value is set. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && value.equals(secret.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "[empty]" : "[hidden]";
    }
}

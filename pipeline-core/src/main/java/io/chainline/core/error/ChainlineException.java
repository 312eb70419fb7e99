package io.chainline.core.error;

/**
 * The root of every exception Chainline throws on purpose. Unchecked, so stage code is not cluttered with
 * {@code throws} clauses; subtypes say how a caller should react:
 * <ul>
 *   <li>{@link ConfigException} – the settings are wrong; never retried, exit code 2;</li>
 *   <li>{@link RetriableException} – a transient failure (I/O, a busy service); the same call may succeed later;</li>
 *   <li>{@link DataQualityException} – the data is bad (a value that does not parse, a failed check).</li>
 * </ul>
 * Causes are always kept.
 */
public class ChainlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainlineException(String message) {
        super(message);
    }

    public ChainlineException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.chainline.core.error;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

import static java.util.Objects.requireNonNull;

/**
 * What kind of failure ended a stage or a command, as run reports name it ({@code errorKind}) and as the command
 * line maps it to an exit code: a configuration error exits 2 wherever it is thrown, every other failure 1.
 */
public enum ErrorKind {
    /** Invalid or missing settings ({@link ConfigException}): fix the configuration; never retried. */
    CONFIG("config"),
    /** A transient failure ({@link RetriableException}): running again may succeed. */
    RETRIABLE("retriable"),
    /** Bad data or a failed check ({@link DataQualityException}, a count that does not reconcile). */
    DATA_QUALITY("data-quality"),
    /** Any other {@link ChainlineException}: an expected failure that names its cause. */
    ERROR("error"),
    /** Anything else: an unexpected failure, a defect to report. */
    INTERNAL("internal");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name reports use: {@code config}, {@code retriable}, {@code data-quality}, {@code error}, {@code internal}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The kind of {@code failure}: that of the {@link ChainlineException} it is or wraps ({@link #chainlineCause}). */
    public static ErrorKind of(Throwable failure) {
        return chainlineCause(failure).map(ErrorKind::ofChainline).orElse(INTERNAL);
    }

    /**
     * The {@link ConfigException}, {@link RetriableException} or {@link DataQualityException} that {@code failure} is
     * or wraps, else the first {@link ChainlineException} among them, looking through causes and inside the
     * error messages of Guice's {@link ProvisionException} and {@link CreationException} (which keep the exception a
     * provider or module threw there rather than as their cause when there are several).
     */
    public static Optional<ChainlineException> chainlineCause(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.add(requireNonNull(failure, "failure is null"));
        ChainlineException plain = null;
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof ChainlineException chainline) {
                if (ofChainline(chainline) != ERROR) {
                    return Optional.of(chainline);
                }
                // One of no subtype may wrap a more telling one, e.g. "Cannot start X" around a ConfigException.
                plain = plain == null ? chainline : plain;
            }
            if (current instanceof ProvisionException provision) {
                provision.getErrorMessages().stream()
                        .map(Message::getCause)
                        .filter(Objects::nonNull)
                        .forEach(pending::add);
            } else if (current instanceof CreationException creation) {
                creation.getErrorMessages().stream()
                        .map(Message::getCause)
                        .filter(Objects::nonNull)
                        .forEach(pending::add);
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
        }
        return Optional.ofNullable(plain);
    }

    private static ErrorKind ofChainline(ChainlineException failure) {
        if (failure instanceof ConfigException) {
            return CONFIG;
        }
        if (failure instanceof RetriableException) {
            return RETRIABLE;
        }
        if (failure instanceof DataQualityException) {
            return DATA_QUALITY;
        }
        return ERROR;
    }
}

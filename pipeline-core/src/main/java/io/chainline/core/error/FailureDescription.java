package io.chainline.core.error;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;

/**
 * One line that says why something failed, for people: the failure's own message, followed by its root cause
 * when the message does not already say it. A bare {@code java.lang.ExceptionInInitializerError} becomes
 * {@code java.lang.ExceptionInInitializerError (caused by JsonMappingException: Scala module 2.16.2 requires
 * Jackson Databind version >= 2.16.0 ...)}. A Guice {@code ProvisionException} or {@code CreationException} is
 * described by the {@link ChainlineException} it holds, when it holds one.
 */
public final class FailureDescription {

    private FailureDescription() {}

    /** The message of {@code failure}, with its root cause appended when the message leaves it out. */
    public static String of(Throwable failure) {
        if (failure instanceof ProvisionException || failure instanceof CreationException) {
            // Guice's text lists its own frames; the Chainline failure inside says what is wrong.
            Optional<ChainlineException> inside = ErrorKind.chainlineCause(failure);
            if (inside.isPresent()) {
                return of(inside.get());
            }
        }
        String message = failure.getMessage();
        String own = message == null || message.isBlank() ? failure.getClass().getName() : message;
        Throwable root = rootCause(failure);
        if (root == failure) {
            return own;
        }
        // Only the root's first line: drivers add the statement and a caret below it (DuckDB, PostgreSQL).
        String rootMessage = firstLine(root.getMessage());
        String rootText = root.getClass().getSimpleName()
                + (rootMessage == null || rootMessage.isBlank() ? "" : ": " + rootMessage);
        if (rootMessage != null && !rootMessage.isBlank() && own.contains(rootMessage)) {
            return own;
        }
        return own + " (caused by " + rootText + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        String stripped = message.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).strip();
    }

    /** The innermost cause, stopping at a cycle. */
    public static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = failure;
        while (current.getCause() != null && seen.add(current)) {
            current = current.getCause();
        }
        return current;
    }
}

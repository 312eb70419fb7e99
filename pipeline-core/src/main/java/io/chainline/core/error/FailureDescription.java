package io.chainline.core.error;

import java.util.HashSet;
import java.util.Set;

/**
 * One line that says why something failed, for people: the failure's own message, followed by its root cause
 * when the message does not already say it. A bare {@code java.lang.ExceptionInInitializerError} becomes
 * {@code java.lang.ExceptionInInitializerError (caused by JsonMappingException: Scala module 2.16.2 requires
 * Jackson Databind version >= 2.16.0 ...)}.
 */
public final class FailureDescription {

    private FailureDescription() {}

    /** The message of {@code failure}, with its root cause appended when the message leaves it out. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        String own = message == null || message.isBlank() ? failure.getClass().getName() : message;
        Throwable root = rootCause(failure);
        if (root == failure) {
            return own;
        }
        String rootMessage = root.getMessage();
        String rootText = root.getClass().getSimpleName()
                + (rootMessage == null || rootMessage.isBlank() ? "" : ": " + rootMessage);
        if (rootMessage != null && !rootMessage.isBlank() && own.contains(rootMessage)) {
            return own;
        }
        return own + " (caused by " + rootText + ")";
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

package io.chainline.core.error;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Invalid or missing settings. Carries every problem found, so a user fixes all of them in one go
 * ("Invalid value '-1' for 'chainline.sinks.batch.max-records': must be >= 1"). Never retried.
 */
public class ConfigException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem), null);
    }

    public ConfigException(String problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public ConfigException(List<String> problems) {
        this(problems, null);
    }

    private ConfigException(List<String> problems, Throwable cause) {
        super(render(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a sentence naming the key, the value and the expectation. */
    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder(problems.size() + " configuration problems:");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}

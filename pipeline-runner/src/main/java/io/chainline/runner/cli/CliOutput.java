package io.chainline.runner.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.json.Json;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * The command line's output layer: machine-readable results (tables, JSON) on stdout, messages for people on
 * stderr. Everything printed is redacted, except the data lines of {@link #data(String)}.
 */
public final class CliOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ObjectMapper json = Json.reportMapper();

    public CliOutput(PrintWriter out, PrintWriter err) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /** A line of the command's result, on stdout. */
    public void result(String line) {
        out.println(Redactor.redactText(line));
        out.flush();
    }

    /**
     * A line of data the user asked for, on stdout as it is: the rows of {@code chainline sql} are the warehouse's
     * values, which redaction would rewrite (a value such as {@code token=abc} or a URL with a password in it).
     */
    public void data(String line) {
        out.println(line);
        out.flush();
    }

    /** A value as JSON on stdout (secrets hidden). */
    public void json(Object value) {
        try {
            out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }

    /** A message for people, on stderr. */
    public void message(String line) {
        err.println(Redactor.redactText(line));
        err.flush();
    }
}

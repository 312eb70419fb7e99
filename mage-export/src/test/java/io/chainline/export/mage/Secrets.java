package io.chainline.export.mage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that no secret appears in captured logs or in an exception with its causes and stack trace. */
public final class Secrets {

    private Secrets() {}

    /** The secrets every Mage test checks, plus the given ones (trigger tokens). */
    public static List<String> of(String... more) {
        List<String> all = new ArrayList<>(List.of(FakeMage.API_KEY, FakeMage.PASSWORD, FakeMage.SESSION_JWT));
        all.addAll(List.of(more));
        return all;
    }

    /** Asserts that neither the log text nor the exception (with causes and stack trace) holds a secret. */
    public static void assertAbsent(LogCapture logs, Throwable failure, List<String> secrets) {
        String logText = logs.text();
        String exceptionText = failure == null ? "" : render(failure);
        for (String secret : secrets) {
            assertThat(logText).as("captured log output").doesNotContain(secret);
            assertThat(exceptionText).as("exception text").doesNotContain(secret);
        }
        assertThat(logText + exceptionText).as("trigger URLs").doesNotContainPattern("pipeline_runs/[^\\s/]+");
    }

    private static String render(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

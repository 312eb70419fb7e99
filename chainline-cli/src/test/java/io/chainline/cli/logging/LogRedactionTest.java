package io.chainline.cli.logging;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's log layout masks secrets that reach a log line, as a last line of defence. */
class LogRedactionTest {

    @Test
    void theRunnerLogLayoutMasksPasswordsAndSecretParameters() throws Exception {
        URI config =
                getClass().getClassLoader().getResource("log4j2.properties").toURI();
        LoggerContext context =
                Configurator.initialize("redaction-test", getClass().getClassLoader(), config);
        String output;
        try {
            // The layout itself, not System.err: the console stream is shared by every logger context of the JVM.
            Layout<?> layout = context.getConfiguration().getAppender("stderr").getLayout();
            output = format(
                            layout,
                            Level.INFO,
                            "connecting to jdbc:postgresql://db:5432/x?user=app&password=s3cret and"
                                    + " postgresql://app:pw2@db/x with api_key=k3y",
                            null)
                    + format(
                            layout,
                            Level.WARN,
                            "failed",
                            new IllegalStateException("cannot reach https://u:pw4@mage:6789/api"));
        } finally {
            Configurator.shutdown(context);
        }

        assertThat(output)
                .contains("password=***", "postgresql://app:***@db/x", "api_key=***", "https://u:***@mage")
                .doesNotContain("s3cret", "pw2", "k3y", "pw4");
    }

    private static String format(Layout<?> layout, Level level, String message, Throwable thrown) {
        LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("io.chainline.test")
                .setLevel(level)
                .setMessage(new SimpleMessage(message))
                .setThrown(thrown)
                .build();
        return new String(layout.toByteArray(event), StandardCharsets.UTF_8);
    }
}

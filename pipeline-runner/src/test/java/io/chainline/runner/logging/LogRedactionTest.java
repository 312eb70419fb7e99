package io.chainline.runner.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's log layout masks secrets that reach a log line, as a last line of defence. */
class LogRedactionTest {

    @Test
    void theRunnerLogLayoutMasksPasswordsAndSecretParameters() throws Exception {
        URI config = getClass().getClassLoader().getResource("log4j2.properties").toURI();
        // Log4j shares one console manager per target between contexts: stop the default context so that the
        // test's context writes to the replaced System.err, whichever test initialised logging before.
        Configurator.shutdown((LoggerContext) LogManager.getContext(false));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = Configurator.initialize("redaction-test", getClass().getClassLoader(), config);
        try {
            org.apache.logging.log4j.Logger logger = context.getLogger("io.chainline.test");
            logger.info("connecting to jdbc:postgresql://db:5432/x?user=app&password=s3cret and"
                    + " postgresql://app:pw2@db/x with api_key=k3y");
            logger.warn("failed", new IllegalStateException("cannot reach https://u:pw4@mage:6789/api"));
        } finally {
            Configurator.shutdown(context);
            System.setErr(originalErr);
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("password=***", "postgresql://app:***@db/x", "api_key=***", "https://u:***@mage")
                .doesNotContain("s3cret", "pw2", "k3y", "pw4");
    }
}

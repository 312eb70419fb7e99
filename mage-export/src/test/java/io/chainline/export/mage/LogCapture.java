package io.chainline.export.mage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log line of Chainline's loggers (INFO and above, with stack traces) while open, and can run an
 * action when a line appears, e.g. start a server when the client logs that it will retry.
 */
public final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Trigger> triggers = Collections.synchronizedList(new ArrayList<>());
    private final AbstractAppender appender;

    private record Trigger(Predicate<String> when, Runnable action) {}

    private LogCapture() {
        PatternLayout layout = PatternLayout.newBuilder()
                .withPattern("%p %c{1}: %m%n%throwable")
                .build();
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String line = getLayout().toSerializable(event).toString();
                lines.add(line);
                List<Trigger> fired = new ArrayList<>();
                synchronized (triggers) {
                    triggers.stream().filter(t -> t.when().test(line)).forEach(fired::add);
                    triggers.removeAll(fired);
                }
                fired.forEach(t -> t.action().run());
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setLevel("io.chainline", Level.INFO);
        context.updateLoggers();
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Runs {@code action} once, in the logging thread, when a line containing {@code text} is logged. */
    public LogCapture onLine(String text, Runnable action) {
        triggers.add(new Trigger(line -> line.contains(text), action));
        return this;
    }

    /** Everything captured so far, one entry per event. */
    public String text() {
        synchronized (lines) {
            return String.join("", lines);
        }
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        Configurator.setLevel("io.chainline", Level.WARN);
        context.updateLoggers();
        appender.stop();
    }
}

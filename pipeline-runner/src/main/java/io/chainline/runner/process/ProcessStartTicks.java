package io.chainline.runner.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * When Linux started a process, in clock ticks since boot ({@code starttime}, field 22 of {@code /proc/<pid>/stat}).
 * Unlike {@link ProcessHandle.Info#startInstant()}, which each JVM derives from the boot time it read at its own
 * start, this value does not move when the wall clock is stepped, so two JVMs always agree on it.
 */
final class ProcessStartTicks {
    /** {@code starttime} is field 22; the fields after the command name's closing parenthesis start at field 3. */
    private static final int FIELD_AFTER_COMMAND = 22 - 3;

    private ProcessStartTicks() {}

    /** The start of process {@code pid}; empty when not on Linux or the process is gone. */
    static OptionalLong of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code starttime} field of a {@code /proc/<pid>/stat} line, whose command name may hold spaces. */
    static OptionalLong parse(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split(" ");
        if (fields.length <= FIELD_AFTER_COMMAND) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[FIELD_AFTER_COMMAND]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

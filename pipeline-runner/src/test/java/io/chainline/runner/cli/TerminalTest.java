package io.chainline.runner.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTest {

    @Test
    void pseudoTerminalsAndTtysAreTerminalsFilesAndPipesAreNot() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/err.txt")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void aDumbTerminalGetsPlainLines() {
        assertThat(Terminal.stderrIsTerminal(Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void stderrRedirectedToAFileIsNoTerminal() {
        // Under the build, stderr goes to a file or pipe, never a terminal.
        assertThat(Terminal.stderrIsTerminal(Map.of())).isFalse();
    }
}

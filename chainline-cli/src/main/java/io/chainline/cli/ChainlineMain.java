package io.chainline.cli;

import io.chainline.runner.cli.ChainlineCli;

/**
 * The {@code chainline} command of the runnable jar. Runs the sub-command and exits with its code: 0 when every
 * stage succeeded, 1 when a run failed, 2 for usage or configuration errors. Log lines go to
 * {@code <state-dir>/logs/chainline.log} ({@link Log4jCommandLogging}).
 */
public final class ChainlineMain {

    private ChainlineMain() {}

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        // Before anything touches java.util.logging (Guice, the Google clients): route it through Log4j, so those
        // lines reach the log file instead of the terminal.
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        System.exit(ChainlineCli.forSystem(new Log4jCommandLogging()).execute(args));
    }
}

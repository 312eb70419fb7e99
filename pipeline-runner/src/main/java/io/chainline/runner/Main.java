package io.chainline.runner;

import io.chainline.runner.cli.ChainlineCli;

/**
 * The {@code chainline} command. Parses the arguments, runs the sub-command and exits with its code: 0 when every
 * stage succeeded, 1 when a run failed, 2 for usage or configuration errors.
 */
public final class Main {

    private Main() {}

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(ChainlineCli.forSystem().execute(args));
    }
}

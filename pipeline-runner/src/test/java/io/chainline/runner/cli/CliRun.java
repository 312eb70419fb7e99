package io.chainline.runner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process and captures stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new ChainlineCli(new PrintWriter(out, true), new PrintWriter(err, true), environment).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}

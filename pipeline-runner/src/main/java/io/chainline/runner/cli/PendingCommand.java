package io.chainline.runner.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * A command of the design that this build does not provide yet. It fails with exit code 2 and says which module
 * will provide it, instead of pretending to succeed.
 */
@Command(description = "Not available in this build yet.")
final class PendingCommand implements Callable<Integer> {
    private final CommandCatalog.Pending pending;

    @ParentCommand
    RootCommand root;

    @Unmatched
    List<String> ignored;

    PendingCommand(CommandCatalog.Pending pending) {
        this.pending = pending;
    }

    @Override
    public Integer call() {
        root.environment().output().message("chainline " + pending.name() + " is not available in this build yet:"
                + " it is provided by the " + pending.providedBy() + ".");
        return 2;
    }
}

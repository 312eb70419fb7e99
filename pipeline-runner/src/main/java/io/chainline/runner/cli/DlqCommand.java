package io.chainline.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.runner.report.TextTable;
import io.chainline.sinks.dlq.DeadLetterGroup;
import io.chainline.sinks.dlq.DeadLetterTopic;
import io.chainline.sinks.dlq.ReplayResult;

/** {@code chainline dlq list|replay}: the dead-letter topic. */
@Command(
        name = "dlq",
        description = "List or replay the dead-letter topic.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code chainline dlq list}. */
    @Command(name = "list", description = "Show what is in the dead-letter topic: reason, source, count.")
    static final class ListLetters implements Callable<Integer> {
        @ParentCommand
        DlqCommand dlq;

        @Override
        public Integer call() {
            RootCommand root = dlq.root;
            var injector = root.environment().injector(root.options());
            List<DeadLetterGroup> groups;
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            try {
                groups = injector.getInstance(DeadLetterTopic.class).list();
            } finally {
                lifecycle.close();
            }
            CliOutput output = root.environment().output();
            if (root.options().json()) {
                output.json(groups);
            } else if (groups.isEmpty()) {
                output.message("The dead-letter topic is empty.");
            } else {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("COUNT", "REPLAYED", "SOURCE", "REASON"));
                groups.forEach(g -> rows.add(
                        List.of(Long.toString(g.count()), Long.toString(g.replayed()), g.source(), g.reason())));
                TextTable.render(rows).forEach(output::result);
            }
            return 0;
        }
    }

    /** {@code chainline dlq replay [--reason R]}. */
    @Command(name = "replay", description = "Send dead letters back to the topic once the data or the code is fixed.")
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        DlqCommand dlq;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Only letters whose reason contains TEXT.")
        String reason;

        @Override
        public Integer call() {
            RootCommand root = dlq.root;
            var injector = root.environment().injector(root.options());
            ReplayResult result;
            Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
            try {
                result = injector.getInstance(DeadLetterTopic.class).replay(Optional.ofNullable(reason));
            } finally {
                lifecycle.close();
            }
            CliOutput output = root.environment().output();
            if (root.options().json()) {
                output.json(result);
            } else {
                output.message("Replayed " + result.replayed() + " dead letters; " + result.alreadyReplayed()
                        + " were replayed before, " + result.notSelected() + " did not match, "
                        + result.notReplayable() + " hold no row to send (fix the source and ingest it again).");
            }
            return 0;
        }
    }
}

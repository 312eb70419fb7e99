package io.chainline.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.stage.Stage;
import io.chainline.sinks.consume.ConsumeRequest;
import io.chainline.sinks.consume.ConsumeStageFactory;

/** {@code chainline consume}: drains Kafka into the PostgreSQL bronze table and the raw files. */
@Command(name = "consume", description = "Drain Kafka into the PostgreSQL bronze table and the raw files.")
final class ConsumeCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(
            names = "--until-caught-up",
            description = "Drain to the end offsets seen at start, then stop (without it: run until stopped).")
    boolean untilCaughtUp;

    @Option(
            names = "--sinks",
            paramLabel = "SINK",
            split = ",",
            description = "Sinks to write to, by registered name: postgres, raw or one an embedding project registers"
                    + " (default: chainline.sinks.enabled).")
    List<String> sinks = new ArrayList<>();

    @Override
    public Integer call() {
        ConsumeRequest request = new ConsumeRequest(untilCaughtUp, new LinkedHashSet<>(sinks));
        return RunSession.run(root, "consume", run ->
                new Stage[] {run.get(ConsumeStageFactory.class).create(request)});
    }
}

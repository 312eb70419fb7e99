package io.chainline.runner.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.inject.Injector;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.process.ServiceStatus;
import io.chainline.runner.report.TextTable;
import io.chainline.runner.state.FolderUsage;

/**
 * {@code chainline status}: the services started with {@code start-*} and whether they still run, and how much the
 * state directory's {@code runs/} and {@code reports/} hold.
 */
@Command(
        name = "status",
        description = "List the background services (name, pid, address, uptime, log) and the size of the state"
                + " directory's runs/ and reports/.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        Injector injector = root.environment().injector(root.options());
        List<ServiceStatus> services =
                injector.getInstance(ServiceRegistry.class).list();
        Path stateDir = injector.getInstance(StateDirectory.class).root();
        List<FolderUsage> folders = List.of(FolderUsage.of(stateDir, "runs"), FolderUsage.of(stateDir, "reports"));
        if (root.options().json()) {
            output.json(new StatusView(
                    services.stream().map(ServiceView::of).toList(),
                    new StateView(stateDir.toString(), FolderView.of(folders.get(0)), FolderView.of(folders.get(1)))));
            return 0;
        }
        if (services.isEmpty()) {
            output.message("No services are running.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "STATE", "PID", "ADDRESS", "UPTIME", "LOG"));
            for (ServiceStatus service : services) {
                rows.add(List.of(
                        service.record().name(),
                        service.alive() ? "running" : "stale (not running)",
                        Long.toString(service.record().pid()),
                        service.record().address(),
                        service.alive() ? format(service.uptime()) : "-",
                        String.valueOf(service.record().logFile())));
            }
            TextTable.render(rows).forEach(output::result);
        }
        for (FolderUsage folder : folders) {
            output.message("State " + folder.name() + "/: " + folder.size() + " in " + folder.entries()
                    + (folder.entries() == 1 ? " entry" : " entries") + " (" + folder.path() + ")");
        }
        return 0;
    }

    static String format(Duration uptime) {
        long seconds = uptime.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }

    /** The JSON shape of one service. */
    record ServiceView(
            String name, boolean running, long pid, String address, long uptimeSeconds, String log, String startedAt) {
        static ServiceView of(ServiceStatus status) {
            return new ServiceView(
                    status.record().name(),
                    status.alive(),
                    status.record().pid(),
                    status.record().address(),
                    status.uptime().toSeconds(),
                    String.valueOf(status.record().logFile()),
                    status.record().startedAt().toString());
        }
    }

    /** The JSON shape of {@code status --json}. */
    record StatusView(List<ServiceView> services, StateView state) {}

    /** The state directory and the usage of its pruned folders. */
    record StateView(String dir, FolderView runs, FolderView reports) {}

    /** The JSON shape of one folder's usage. */
    record FolderView(String path, int entries, long bytes, String size) {
        static FolderView of(FolderUsage usage) {
            return new FolderView(usage.path().toString(), usage.entries(), usage.bytes(), usage.size());
        }
    }
}

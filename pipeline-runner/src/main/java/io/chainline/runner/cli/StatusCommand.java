package io.chainline.runner.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.process.ServiceStatus;
import io.chainline.runner.report.TextTable;

/** {@code chainline status}: the services started with {@code start-*} and whether they still run. */
@Command(name = "status", description = "List the background services (name, pid, address, uptime, log).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        List<ServiceStatus> services = root.environment()
                .injector(root.options())
                .getInstance(ServiceRegistry.class)
                .list();
        if (root.options().json()) {
            output.json(services.stream().map(ServiceView::of).toList());
            return 0;
        }
        if (services.isEmpty()) {
            output.message("No services are running.");
            return 0;
        }
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
}

package io.chainline.runner.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import io.chainline.core.state.StateDirectory;

/**
 * A trivial background service for {@link ServiceLauncherIT}: {@code <state-dir> <name> [serve|exit-3|hang]}.
 * {@code serve} listens on a loopback port and runs until stopped; {@code exit-3} fails at once; {@code hang}
 * runs forever without registering.
 */
public final class TestServiceMain {

    private TestServiceMain() {}

    /** Runs the test service. */
    public static void main(String[] args) throws IOException, InterruptedException {
        StateDirectory state = new StateDirectory(Path.of(args[0]));
        String name = args[1];
        String mode = args.length > 2 ? args[2] : "serve";
        say("test service pid=" + ProcessHandle.current().pid() + " mode=" + mode);
        switch (mode) {
            case "exit-3" -> {
                System.err.println("failing on purpose");
                System.exit(3);
            }
            case "hang" -> new CountDownLatch(1).await();
            default -> {
                ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                AutoCloseable service = () -> {
                    server.close();
                    say("test service closed");
                };
                ServiceRegistry registry = new ServiceRegistry(state, Clock.systemUTC());
                ForegroundService.runUntilStopped(
                        registry,
                        name,
                        "127.0.0.1:" + server.getLocalPort(),
                        state.logs().resolve(name + ".log"),
                        service,
                        Clock.systemUTC());
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

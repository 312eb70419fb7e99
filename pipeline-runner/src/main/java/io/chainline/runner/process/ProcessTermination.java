package io.chainline.runner.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chainline.core.error.ChainlineException;

/** Ends a process politely (SIGTERM), then forcibly (SIGKILL) if it does not exit in time. */
final class ProcessTermination {

    private ProcessTermination() {}

    /**
     * @return {@link StopResult#STOPPED} or {@link StopResult#KILLED}
     * @throws ChainlineException if the process is still alive after the kill and another {@code timeout}
     */
    static StopResult terminate(ProcessHandle process, Duration timeout, String subject) {
        if (process.pid() == ProcessHandle.current().pid()) {
            throw new ChainlineException(subject + " runs in this process (pid " + process.pid()
                    + "); a process cannot stop itself this way");
        }
        process.destroy();
        if (awaitExit(process, timeout, subject)) {
            return StopResult.STOPPED;
        }
        process.destroyForcibly();
        if (awaitExit(process, timeout, subject)) {
            return StopResult.KILLED;
        }
        throw new ChainlineException(subject + " (pid " + process.pid() + ") is still running after SIGTERM, SIGKILL"
                + " and twice " + Durations.format(timeout));
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout, String subject) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            throw new ChainlineException("Cannot wait for " + subject + " (pid " + process.pid() + ") to exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException(
                    "Interrupted while waiting for " + subject + " (pid " + process.pid() + ") to exit", e);
        }
    }
}

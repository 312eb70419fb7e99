/**
 * Chainline's background services: {@link io.chainline.runner.process.ServiceRegistry} keeps one JSON record per
 * running service (pid, address, log file) under the state directory and tells live services from stale records,
 * {@link io.chainline.runner.process.ServiceLauncher} starts a service as a detached child process and waits until
 * it is ready, and {@link io.chainline.runner.process.ForegroundService} is the child's side: it registers the
 * running process and keeps it up until the JVM is asked to stop.
 */
package io.chainline.runner.process;

/**
 * Chainline's state directory and its background services: {@link io.chainline.core.service.StateDirectory}
 * lays out {@code ~/.chainline}, {@link io.chainline.core.service.ServiceRegistry} keeps one JSON record per
 * running service (pid, address, log file) and tells live services from stale records,
 * {@link io.chainline.core.service.ServiceLauncher} starts a service as a detached child process and waits until
 * it is ready, and {@link io.chainline.core.service.ForegroundService} is the child's side: it registers the
 * running process and keeps it up until the JVM is asked to stop.
 */
package io.chainline.core.service;

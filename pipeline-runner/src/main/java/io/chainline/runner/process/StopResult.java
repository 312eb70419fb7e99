package io.chainline.runner.process;

/** How {@link ServiceRegistry#stop} ended. */
public enum StopResult {
    /** The service exited after a polite termination request (SIGTERM). */
    STOPPED,
    /** The service ignored the termination request within the timeout and was killed (SIGKILL). */
    KILLED,
    /** No live service of that name was registered; a stale record, if any, was removed. */
    NOT_RUNNING
}

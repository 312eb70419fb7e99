package io.chainline.runner.cli;

/** The levels {@code --log-level} accepts, most severe first. */
public enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
}

package io.chainline.cli;

/**
 * Log4j patterns whose message and stack trace have passwords in URLs and {@code secret=value} pairs masked, as a
 * last line of defence: code redacts at the source too. The same rules as {@code log4j2.properties} in this jar.
 */
final class LogPatterns {
    private static final String URL_PASSWORD = "([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):[^@\\s/]*@";
    private static final String SECRET_PAIR = "(?i)((password|passwd|secret|token|api[-_]?key|sasl\\.jaas\\.config)"
            + "[^=:\\s]*\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^&;,\\s\"']+)";

    /** Time, level, logger, message and stack trace, for the log file and {@code --verbose}. */
    static final String DETAILED = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%t] %c{1.}: " + redacted("%m") + "%n"
            + "%replace{%throwable}{" + URL_PASSWORD + "}{$1:***@}";

    /** A warning of Chainline's own on the terminal: one line, no stack trace. */
    static final String TERMINAL_WARNING = "warning: " + redacted("%m") + "%n";

    private LogPatterns() {}

    private static String redacted(String message) {
        return "%replace{%replace{" + message + "}{" + URL_PASSWORD + "}{$1:***@}}{" + SECRET_PAIR + "}{$1***}";
    }
}

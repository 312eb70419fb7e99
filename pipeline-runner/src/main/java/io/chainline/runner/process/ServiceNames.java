package io.chainline.runner.process;

import java.util.regex.Pattern;

import io.chainline.core.error.ChainlineException;

/** The rule for service names, which double as registry file names. */
final class ServiceNames {
    private static final Pattern VALID = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    private ServiceNames() {}

    static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new ChainlineException("Invalid service name '" + name + "': must match " + VALID.pattern()
                    + " (a lower-case letter, then up to 39 lower-case letters, digits or '-')");
        }
        return name;
    }
}

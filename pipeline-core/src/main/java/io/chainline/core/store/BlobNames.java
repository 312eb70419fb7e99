package io.chainline.core.store;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * The one set of rules for object names, shared by every {@link BlobStore}: relative, '/'-separated, not empty,
 * no empty, "." or ".." segments, no backslash, no control characters, at most 1024 UTF-8 bytes (the GCS limit),
 * and no segment starting with {@value #RESERVED_PREFIX}, which the stores keep for their own temporary and lock
 * files.
 */
public final class BlobNames {
    /** Segments starting with this belong to the store itself (temporary and lock files) and are never listed. */
    public static final String RESERVED_PREFIX = ".chainline-";

    private static final int MAX_BYTES = 1024;

    private BlobNames() {}

    /**
     * Checks an object name.
     *
     * @return {@code name}
     * @throws IllegalArgumentException naming the name and the broken rule
     */
    public static String validate(String name) {
        String problem = problem(requireNonNull(name, "name is null"));
        if (problem != null) {
            throw new IllegalArgumentException("Invalid object name '" + printable(name) + "': " + problem);
        }
        return name;
    }

    /**
     * Checks a listing prefix: the name rules, except that it may be empty or end with '/'.
     *
     * @return {@code prefix}
     * @throws IllegalArgumentException naming the prefix and the broken rule
     */
    public static String validatePrefix(String prefix) {
        requireNonNull(prefix, "prefix is null");
        if (prefix.isEmpty()) {
            return prefix;
        }
        String body = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        String problem = problem(body);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid object name prefix '" + printable(prefix) + "': " + problem);
        }
        return prefix;
    }

    /** Whether {@code name} follows the rules of {@link #validate(String)}. */
    public static boolean isValid(String name) {
        return name != null && problem(name) == null;
    }

    private static String problem(String name) {
        if (name.isEmpty()) {
            return "it must not be empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "control characters are not allowed";
            }
            if (c == '\\') {
                return "backslashes are not allowed; separate segments with '/'";
            }
        }
        if (name.startsWith("/")) {
            return "it must be relative (no leading '/')";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "it must be at most " + MAX_BYTES + " bytes in UTF-8";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty segments ('//' or a trailing '/') are not allowed";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' segments are not allowed";
            }
            if (segment.startsWith(RESERVED_PREFIX)) {
                return "segments starting with '" + RESERVED_PREFIX + "' are reserved for the store's own files";
            }
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}

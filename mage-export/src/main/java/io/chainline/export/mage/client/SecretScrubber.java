package io.chainline.export.mage.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.chainline.core.redact.Redactor;

/**
 * Removes the secrets a client knows (API key, password, session and trigger tokens) from text that Mage sent or
 * that names a request, before the text reaches a log line or an exception; then applies {@link Redactor}.
 */
final class SecretScrubber {
    /** How much of a server-provided message is kept. */
    private static final int MAX_LENGTH = 300;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret; empty values are ignored. */
    void remember(String secret) {
        if (secret != null && !secret.isBlank()) {
            secrets.add(secret);
        }
    }

    /** The text without known secrets, redacted and shortened to a line. */
    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, Redactor.HIDDEN);
        }
        result = Redactor.redactText(result).replaceAll("\\s+", " ").trim();
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH) + "...";
    }
}

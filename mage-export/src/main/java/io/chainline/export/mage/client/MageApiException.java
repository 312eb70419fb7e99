package io.chainline.export.mage.client;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Mage refused or failed a request: its reply carried an {@code error} object (Mage answers most errors with HTTP
 * 200) or an HTTP error status. The message names the request, the error's type and code and what to do; it never
 * carries tokens, keys or the raw reply.
 */
public class MageApiException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    private final MageErrorKind kind;
    private final int code;

    /**
     * @param message the complete, already redacted message
     * @param kind the classification
     * @param code the error's {@code code}, or the HTTP status when it had none
     */
    public MageApiException(String message, MageErrorKind kind, int code) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
        this.code = code;
    }

    /** The classification of the error. */
    public MageErrorKind kind() {
        return kind;
    }

    /** The error's {@code code} (or the HTTP status). */
    public int code() {
        return code;
    }
}

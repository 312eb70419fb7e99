package io.chainline.core.error;

/**
 * A transient failure: a connection refused, a timeout, a service that is starting up. Calling again later may
 * succeed. Classify at the boundary (SQLState, HTTP status, exception type) and keep the cause.
 */
public class RetriableException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}

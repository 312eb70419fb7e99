package io.chainline.core.error;

/**
 * Bad data: a value that does not parse, a row that breaks the record contract, a failed data-quality check.
 * Retrying does not help; the data (or the code that reads it) must change.
 */
public class DataQualityException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    public DataQualityException(String message) {
        super(message);
    }

    public DataQualityException(String message, Throwable cause) {
        super(message, cause);
    }
}

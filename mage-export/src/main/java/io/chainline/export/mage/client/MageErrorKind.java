package io.chainline.export.mage.client;

import java.util.Locale;

/**
 * What went wrong, classified from the {@code error} object of a Mage reply by its {@code code} and {@code type}
 * (never by its message, which Mage reuses across errors), or for the trigger endpoint by the exception it names.
 */
public enum MageErrorKind {
    /** {@code invalid_api_key}: {@code chainline.mage.api-key} is missing or wrong. */
    INVALID_API_KEY("the API key is missing or wrong: set CHAINLINE_MAGE_API_KEY (chainline.mage.api-key)"),
    /** {@code invalid_oauth_token} / {@code expired_oauth_token}: the session is not valid. */
    INVALID_SESSION("the session token is invalid or expired: check chainline.mage.user and its password"),
    /** {@code unauthorized_access}: authenticated, but not allowed (or no session where one is needed). */
    UNAUTHORIZED("access denied: the request needs a session of a user with the editor role "
            + "(set chainline.mage.user and CHAINLINE_MAGE_PASSWORD)"),
    /** {@code record_not_found}: an unknown id, or a failed login. */
    NOT_FOUND("the record does not exist (or the login was refused)"),
    /** {@code record_invalid}: a create or update was refused. */
    INVALID_RECORD("the record was refused as invalid"),
    /** {@code api_resource_error} and other client errors. */
    BAD_REQUEST("the request was refused"),
    /** The trigger's token does not match its schedule. */
    INVALID_TRIGGER_TOKEN("the API trigger's token is wrong or was rotated: run `chainline start-mage` again"),
    /** The schedule is not an API trigger. */
    NOT_AN_API_TRIGGER("the stored schedule is not an API trigger: run `chainline start-mage` again"),
    /** The API trigger has no token. */
    TRIGGER_WITHOUT_TOKEN("the API trigger has no token: run `chainline start-mage` again"),
    /** An unhandled exception in Mage. */
    SERVER_ERROR("Mage failed while handling the request");

    private final String explanation;

    MageErrorKind(String explanation) {
        this.explanation = explanation;
    }

    /** What the kind means for the user and what to do about it. */
    public String explanation() {
        return explanation;
    }

    /**
     * Classifies an {@code error} object.
     *
     * @param code its {@code code}, or the HTTP status when it has none
     * @param type its {@code type}; may be null (unhandled exceptions have none)
     * @param exception its {@code exception} text; may be null
     */
    public static MageErrorKind classify(int code, String type, String exception) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "invalid_api_key":
                return INVALID_API_KEY;
            case "invalid_oauth_token", "expired_oauth_token":
                return INVALID_SESSION;
            case "unauthorized_access":
                return UNAUTHORIZED;
            case "record_not_found":
                return NOT_FOUND;
            case "record_invalid":
                return INVALID_RECORD;
            case "api_resource_error":
                return BAD_REQUEST;
            default:
                break;
        }
        String e = exception == null ? "" : exception;
        if (e.startsWith("Invalid token for pipeline schedule")) {
            return INVALID_TRIGGER_TOKEN;
        }
        if (e.contains("only supported for API trigger")) {
            return NOT_AN_API_TRIGGER;
        }
        if (e.contains("token of the API trigger cannot be empty")) {
            return TRIGGER_WITHOUT_TOKEN;
        }
        if (e.contains("record_not_found")) {
            return NOT_FOUND;
        }
        return switch (code) {
            case 401 -> INVALID_API_KEY;
            case 403 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 400 -> BAD_REQUEST;
            default -> SERVER_ERROR;
        };
    }
}

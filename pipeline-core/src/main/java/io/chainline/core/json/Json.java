package io.chainline.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.chainline.core.redact.RedactionModule;

/**
 * The two JSON mappers Chainline uses. Each call returns a new, independently configured mapper; hold it in a
 * field rather than calling this per document.
 */
public final class Json {

    private Json() {}

    /**
     * A mapper for data and state files (manifests, registry records): Java time types as ISO-8601 strings,
     * unknown properties ignored when reading (newer writers may add fields). Writes values exactly.
     */
    public static ObjectMapper dataMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A mapper for reports and command output: like {@link #dataMapper()}, and secrets are redacted. */
    public static ObjectMapper reportMapper() {
        return dataMapper().registerModule(new RedactionModule()).enable(SerializationFeature.INDENT_OUTPUT);
    }
}

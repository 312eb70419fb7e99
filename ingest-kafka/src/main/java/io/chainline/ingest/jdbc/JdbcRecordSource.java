package io.chainline.ingest.jdbc;

import java.util.List;

import io.chainline.core.error.ConfigException;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.ingest.source.SourceInput;

import static java.util.Objects.requireNonNull;

/**
 * The JDBC offline store ({@code chainline.ingest.jdbc}) as a record source of type {@value #TYPE}: one input, the
 * configured table or query, read incrementally by its cursor column. Only {@code java.sql} is used; the driver for
 * the URL must be on the classpath.
 */
public final class JdbcRecordSource implements RecordSource {
    /** This source's type name. */
    public static final String TYPE = IngestRequest.JDBC;

    private final JdbcSourceSettings settings;

    /** A source reading the store {@code settings} describe. */
    public JdbcRecordSource(JdbcSourceSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The configured table or query. An ingest run asks only when its request names this source ({@code --jdbc} or
     * {@code --source jdbc}).
     *
     * @throws ConfigException when no URL is configured
     */
    @Override
    public List<SourceInput> inputs(IngestRequest request) {
        requireNonNull(request, "request is null");
        if (!settings.configured()) {
            throw new ConfigException(JdbcSourceSettings.PREFIX + ".url must be set to read an offline store");
        }
        return List.of(new JdbcTableInput(settings));
    }
}

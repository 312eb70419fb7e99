package io.chainline.core.manifest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.json.Json;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * {@code silver/_manifest.json}: the one published version of the star schema. Readers and exporters go through it
 * and never list directories, so a half-written run is never seen.
 *
 * @param formatVersion the manifest format; readers refuse versions they do not know
 * @param runId the run that built this version
 * @param createdAt when it was published
 * @param tables every table with its files, row count and schema
 * @param checks the data-quality checks that passed (or only warned) before publishing
 */
public record SilverManifest(
        int formatVersion, String runId, Instant createdAt, List<ManifestTable> tables, List<CheckResult> checks) {
    /** The format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's object name under the store root. */
    public static final String OBJECT_NAME = "silver/_manifest.json";

    public SilverManifest {
        requireNonNull(runId, "runId is null");
        requireNonNull(createdAt, "createdAt is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        checks = List.copyOf(checks == null ? List.of() : checks);
    }

    /** The named table, if the manifest has it. */
    public Optional<ManifestTable> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The manifest as JSON bytes. */
    public byte[] toJson() {
        try {
            return Json.dataMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the manifest of run " + runId, e);
        }
    }

    /**
     * Reads the published manifest of {@code store}, if one was published.
     *
     * @throws DataQualityException when the object exists but is not a manifest this version reads
     */
    public static Optional<SilverManifest> read(BlobStore store) {
        return store.read(OBJECT_NAME)
                .map(blob -> fromJson(blob.content(), store.uriOf(OBJECT_NAME).toString()));
    }

    /**
     * Parses a manifest.
     *
     * @param json the bytes of {@code _manifest.json}
     * @param source where they came from, for error messages
     * @throws DataQualityException when the bytes are not a manifest or its format version is unknown
     */
    public static SilverManifest fromJson(byte[] json, String source) {
        ObjectMapper mapper = Json.dataMapper();
        SilverManifest manifest;
        try {
            manifest = mapper.readValue(json, SilverManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new DataQualityException("The silver manifest " + source + " is not valid: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new DataQualityException("The silver manifest " + source + " has format version "
                    + manifest.formatVersion() + "; this version of Chainline reads format " + FORMAT_VERSION);
        }
        return manifest;
    }
}

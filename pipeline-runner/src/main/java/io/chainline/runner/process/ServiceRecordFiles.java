package io.chainline.runner.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static java.util.Objects.requireNonNull;

/** Reads and writes the JSON files of the registry, {@code services/<name>.json}. */
final class ServiceRecordFiles {
    private static final String SUFFIX = ".json";

    private final StateDirectory dir;
    private final ObjectMapper mapper;

    ServiceRecordFiles(StateDirectory dir) {
        this.dir = requireNonNull(dir, "dir is null");
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // Records written by a newer version stay readable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    Path fileOf(String name) {
        return dir.services().resolve(name + SUFFIX);
    }

    Optional<ServiceRecord> read(String name) {
        Path file = fileOf(name);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ChainlineException("Cannot read service record " + file + ": " + e, e);
        }
        return Optional.of(parse(file, json, name));
    }

    /** Every record in the registry, in no particular order. */
    List<ServiceRecord> readAll() {
        List<ServiceRecord> records = new ArrayList<>();
        Path services = dir.services();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(services, "*" + SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                read(fileName.substring(0, fileName.length() - SUFFIX.length())).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new ChainlineException("Cannot list service records in " + services + ": " + e, e);
        }
        return records;
    }

    void write(ServiceRecord record) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new ChainlineException("Cannot serialise the record of service '" + record.name() + "'", e);
        }
        dir.writeAtomically(fileOf(record.name()), json);
    }

    /** Deletes the record of {@code name}; returns whether a file was deleted. */
    boolean delete(String name) {
        Path file = fileOf(name);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ChainlineException("Cannot delete service record " + file + ": " + e, e);
        }
    }

    private ServiceRecord parse(Path file, byte[] json, String expectedName) {
        ServiceRecord record;
        try {
            record = mapper.readValue(json, ServiceRecord.class);
        } catch (JsonProcessingException e) {
            throw corrupt(file, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw corrupt(file, e.toString(), e);
        }
        if (record == null || !record.name().equals(expectedName)) {
            throw new ChainlineException("Corrupt service record " + file + ": it names service '"
                    + (record == null ? null : record.name()) + "', expected '" + expectedName + "'");
        }
        return record;
    }

    private static ChainlineException corrupt(Path file, String problem, Exception cause) {
        return new ChainlineException(
                "Corrupt service record " + file + ": " + problem + "; delete the file if the service is not running",
                cause);
    }
}

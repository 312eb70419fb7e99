package io.chainline.export.mage.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.json.Json;

import static java.util.Objects.requireNonNull;

/**
 * The Python code of the generated blocks, from the templates next to this class. Values enter the code as JSON
 * string literals, which are valid Python string literals, so no value can break out of its string.
 */
final class BlockTemplates {
    private static final ObjectMapper JSON = Json.dataMapper();

    private BlockTemplates() {}

    /** The loader block of {@code table}: reads the manifest at {@code manifestUri} unless a run passes another. */
    static String loader(String pipeline, String table, String manifestUri) {
        return render("loader.py.template", pipeline, table, Map.of("MANIFEST_URI", manifestUri));
    }

    /** The exporter block of {@code table}: loads it into {@code project.dataset} at {@code location}. */
    static String exporter(String pipeline, String table, String project, String dataset, String location) {
        return render(
                "exporter.py.template",
                pipeline,
                table,
                Map.of("PROJECT", project, "DATASET", dataset, "LOCATION", location));
    }

    private static String render(String template, String pipeline, String table, Map<String, String> values) {
        String text = read(template)
                .replace("${TABLE_TEXT}", table)
                .replace("${PIPELINE_TEXT}", pipeline)
                .replace("${TABLE}", literal(table));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", literal(value.getValue()));
        }
        return text;
    }

    private static String literal(String value) {
        try {
            return JSON.writeValueAsString(requireNonNull(value, "value is null"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a template value", e);
        }
    }

    private static String read(String template) {
        try (InputStream in = BlockTemplates.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("the block template " + template + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the block template " + template, e);
        }
    }
}

package io.chainline.runner.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.junit.jupiter.api.Test;

import io.chainline.core.config.ReferenceConfDocs;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's reference.conf on the runner's classpath: present, a comment above every key, and
 * docs/configuration.md in agreement with them (every key with its default, no key that does not exist).
 */
class ReferenceConfCatalogTest {
    private static final Path CONFIGURATION_DOC = Path.of("..", "docs", "configuration.md");
    /** A key row of the doc's table: | `key` | default | environment | meaning (not blank) |. */
    private static final Pattern KEY_ROW =
            Pattern.compile("^\\| `(chainline\\.[^`]+)` \\| ([^|]+) \\|.*\\|\\s*\\S.*\\|$");

    private static List<URL> chainlineReferenceFiles() throws IOException {
        List<URL> found = new ArrayList<>();
        for (URL url :
                Collections.list(ReferenceConfCatalogTest.class.getClassLoader().getResources("reference.conf"))) {
            try (InputStream in = url.openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("chainline")) {
                    found.add(url);
                }
            }
        }
        return found;
    }

    @Test
    void theSilverBuildReadsTheRawFolderTheRawSinkWrites() {
        assertThat(TestConfigs.load().getString("chainline.silver.raw-prefix")).isEqualTo("raw_streaming");
        assertThat(TestConfigs.load("chainline.sinks.raw.prefix=landing/raw").getString("chainline.silver.raw-prefix"))
                .isEqualTo("landing/raw");
        assertThat(TestConfigs.load("chainline.sinks.raw.prefix=landing/raw", "chainline.silver.raw-prefix=other")
                        .getString("chainline.silver.raw-prefix"))
                .isEqualTo("other");
    }

    @Test
    void everyModuleShipsADocumentedReferenceConf() throws IOException {
        List<URL> files = chainlineReferenceFiles();

        assertThat(files)
                .extracting(URL::toString)
                .anySatisfy(u -> assertThat(u).contains("pipeline-core"))
                .anySatisfy(u -> assertThat(u).contains("ingest-kafka"))
                .anySatisfy(u -> assertThat(u).contains("consumer-sinks"))
                .anySatisfy(u -> assertThat(u).contains("olap-transform"))
                .anySatisfy(u -> assertThat(u).contains("mage-export"));
        for (URL file : files) {
            assertThat(ReferenceConfDocs.undocumentedKeys(file))
                    .as("undocumented keys in %s", file)
                    .isEmpty();
        }
    }

    @Test
    void theConfigurationDocListsEveryKeyWithItsDefaultAndNoOther() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        for (URL file : chainlineReferenceFiles()) {
            Config parsed = ConfigFactory.parseURL(file).resolve(ConfigResolveOptions.noSystem());
            collectDefaults(parsed.root(), "", defaults);
        }
        Map<String, String> documented = documentedKeys(Files.readString(CONFIGURATION_DOC, StandardCharsets.UTF_8));

        List<String> problems = new ArrayList<>();
        defaults.forEach((key, value) -> {
            if (!documented.containsKey(key)) {
                problems.add("missing: | `" + key + "` | " + value + " | … |");
            } else if (!documented.get(key).equals(value)) {
                problems.add("wrong default for `" + key + "`: the doc says " + documented.get(key)
                        + ", reference.conf says " + value);
            }
        });
        documented.keySet().stream()
                .filter(key -> !defaults.containsKey(key))
                .forEach(key -> problems.add("documented but declared in no reference.conf: `" + key + "`"));

        assertThat(problems)
                .as("%s against the reference.conf files", CONFIGURATION_DOC)
                .isEmpty();
    }

    /** Leaf keys and empty objects (free-form maps) with their defaults as the doc writes them. */
    private static void collectDefaults(ConfigObject object, String prefix, Map<String, String> out) {
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            ConfigValue value = entry.getValue();
            if (value.valueType() == ConfigValueType.OBJECT && !((ConfigObject) value).isEmpty()) {
                collectDefaults((ConfigObject) value, path, out);
            } else {
                out.put(path, docValue(value));
            }
        }
    }

    private static String docValue(ConfigValue value) {
        return switch (value.valueType()) {
            case OBJECT -> "`{}`";
            case LIST ->
                "`["
                        + ((List<?>) value.unwrapped())
                                .stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]`";
            case NULL -> "empty";
            default -> String.valueOf(value.unwrapped()).isEmpty() ? "empty" : "`" + value.unwrapped() + "`";
        };
    }

    /** The rows of the doc's key tables: key → default cell. */
    private static Map<String, String> documentedKeys(String doc) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : doc.lines().toList()) {
            Matcher row = KEY_ROW.matcher(line.strip());
            if (row.matches()) {
                rows.put(row.group(1), row.group(2).strip());
            }
        }
        return rows;
    }
}

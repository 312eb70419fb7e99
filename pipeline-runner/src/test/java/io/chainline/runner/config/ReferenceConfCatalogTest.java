package io.chainline.runner.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainline.core.config.ReferenceConfDocs;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module's reference.conf on the runner's classpath: present, and a comment above every key. */
class ReferenceConfCatalogTest {

    private static List<URL> chainlineReferenceFiles() throws IOException {
        List<URL> found = new ArrayList<>();
        for (URL url : Collections.list(ReferenceConfCatalogTest.class.getClassLoader().getResources("reference.conf"))) {
            try (InputStream in = url.openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("chainline")) {
                    found.add(url);
                }
            }
        }
        return found;
    }

    @Test
    void everyModuleShipsADocumentedReferenceConf() throws IOException {
        List<URL> files = chainlineReferenceFiles();

        assertThat(files).extracting(URL::toString).anySatisfy(u -> assertThat(u).contains("pipeline-core"))
                .anySatisfy(u -> assertThat(u).contains("ingest-kafka"))
                .anySatisfy(u -> assertThat(u).contains("consumer-sinks"))
                .anySatisfy(u -> assertThat(u).contains("olap-transform"))
                .anySatisfy(u -> assertThat(u).contains("mage-export"));
        for (URL file : files) {
            assertThat(ReferenceConfDocs.undocumentedKeys(file)).as("undocumented keys in %s", file).isEmpty();
        }
    }
}

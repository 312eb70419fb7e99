package io.chainline.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcsStorageFactoryTest {
    @TempDir
    Path dir;

    @Test
    void buildsAClientFromAServiceAccountKeyWithoutContactingGoogle() throws Exception {
        Path key = writeServiceAccountKey(dir.resolve("sa.json"));

        Storage storage = GcsStorageFactory.create(Optional.of("chainline-prod"), Optional.of(key));

        assertThat(storage.getOptions().getProjectId()).isEqualTo("chainline-prod");
        assertThat(storage.getOptions().getCredentials())
                .isInstanceOfSatisfying(
                        ServiceAccountCredentials.class,
                        credentials -> assertThat(credentials.getClientEmail())
                                .isEqualTo("pipeline@chainline-prod.iam.gserviceaccount.com"));
    }

    @Test
    void aMissingKeyFileIsAConfigErrorNamingTheFile() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> GcsStorageFactory.create(Optional.of("p"), Optional.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '" + missing + "' for 'chainline.store.gcs.credentials-file', the GCS key"
                        + " file: it does not exist");
    }

    @Test
    void anUnreadableKeyIsAConfigErrorNamingTheFile() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"type\":\"nonsense\"}");

        assertThatThrownBy(() -> GcsStorageFactory.create(Optional.of("p"), Optional.of(garbage)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value '" + garbage
                        + "' for 'chainline.store.gcs.credentials-file', the GCS key file: expected a service-account JSON"
                        + " key");
    }

    private static Path writeServiceAccountKey(Path file) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String json = "{\"type\":\"service_account\",\"project_id\":\"chainline-prod\",\"private_key_id\":\"k1\","
                + "\"private_key\":\"" + pem.replace("\n", "\\n") + "\","
                + "\"client_email\":\"pipeline@chainline-prod.iam.gserviceaccount.com\",\"client_id\":\"1\","
                + "\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
        return Files.writeString(file, json);
    }
}

package io.chainline.core.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chainline.core.config.Secret;
import io.chainline.core.json.Json;
import io.chainline.core.settings.KafkaSettings;
import io.chainline.core.settings.PostgresSettings;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db:5432/x?user=app&password=s3cret&ssl=true | jdbc:postgresql://db:5432/x?user=app&password=***&ssl=true",
                "postgresql://app:s3cret@db:5432/x                           | postgresql://app:***@db:5432/x",
                "https://user:pa55@mage.example.com/api                      | https://user:***@mage.example.com/api",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p@ss\"; | org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"***\";",
                "{\"api_key\":\"abc123\",\"name\":\"x\"}                     | {\"api_key\":\"***\",\"name\":\"x\"}",
                "token=abcdef and secret: xyz                                | token=*** and secret: ***",
                "jdbc:oracle:thin:scott/tiger@//db:1521/orcl                 | jdbc:oracle:thin:scott/***@//db:1521/orcl",
                "jdbc:oracle:thin:@//db:1521/orcl                            | jdbc:oracle:thin:@//db:1521/orcl",
                "nothing to hide at http://host:8080/path                    | nothing to hide at http://host:8080/path",
            })
    void masksSecretsInText(String text, String expected) {
        assertThat(Redactor.redactText(text)).isEqualTo(expected);
    }

    @Test
    void recognisesSecretKeys() {
        assertThat(List.of(
                        "chainline.postgres.password",
                        "sasl.jaas.config",
                        "api-key",
                        "apiKey",
                        "trigger-token",
                        "credentials-file",
                        "client_secret"))
                .allMatch(Redactor::isSecretKey);
        assertThat(List.of("chainline.kafka.bootstrap", "user", "topic", "partitions"))
                .noneMatch(Redactor::isSecretKey);
    }

    @Test
    void rendersConfigurationWithSecretsHidden() {
        Config config = ConfigFactory.parseString("""
                chainline.postgres { url = "jdbc:postgresql://db/x?password=pw1", password = pw2, user = app }
                chainline.kafka.client { "sasl.jaas.config" = "x required password=\\"pw3\\";" }
                """);

        String rendered = Redactor.render(config);

        assertThat(rendered).doesNotContain("pw1", "pw2", "pw3").contains("password=***", "[hidden]", "app");
    }

    @Test
    void settingsToStringHidesSecrets() {
        KafkaSettings kafka = new KafkaSettings(
                "b:9092", Map.of("sasl.jaas.config", "x password=\"pw\";", "security.protocol", "SASL_SSL"));
        PostgresSettings postgres = new PostgresSettings("jdbc:postgresql://u:pw@db/x", "u", Secret.of("pw"), Map.of());

        assertThat(kafka.toString()).doesNotContain("pw").contains("sasl.jaas.config=[hidden]", "SASL_SSL");
        assertThat(postgres.toString()).doesNotContain(":pw").contains("password=[hidden]", "u:***@db");
    }

    /** A bean with a secret-named property, as an exporter's settings might be. */
    public record MageSettings(String url, String apiKey, Secret password) {}

    @Test
    void reportJsonHidesSecrets() throws JsonProcessingException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("token", "tok-123");
        details.put("rows", 5);
        StageReport report = StageReport.builder("export")
                .output("postgresql://app:pw9@db/x")
                .build()
                .withTiming(null, null);

        String json = Json.reportMapper()
                .writeValueAsString(
                        List.of(details, report, new MageSettings("http://mage:6789", "key-456", Secret.of("pw7"))));

        assertThat(json)
                .doesNotContain("tok-123", "pw9", "key-456", "pw7")
                .contains(
                        "\"token\" : \"[hidden]\"",
                        "\"rows\" : 5",
                        "postgresql://app:***@db/x",
                        "\"apiKey\" : \"[hidden]\"",
                        "\"url\" : \"http://mage:6789\"");
    }

    @Test
    void dataJsonKeepsValuesExactly() throws JsonProcessingException {
        assertThat(Json.dataMapper().writeValueAsString(Map.of("token", "tok-123")))
                .contains("tok-123");
    }
}

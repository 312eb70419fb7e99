package io.chainline.ingest.jdbc;

import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ConfigException;
import io.chainline.ingest.IngestModule;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSourceSettingsTest {

    @Test
    void defaults() {
        JdbcSourceSettings settings = JdbcSourceSettings.from(TestConfigs.load());

        assertThat(settings)
                .isEqualTo(new JdbcSourceSettings(
                        "",
                        "",
                        Secret.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "order_item_id",
                        1000,
                        Map.of(),
                        Map.of()));
        assertThat(settings.configured()).isFalse();
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.ingest.jdbc.url=jdbc:postgresql://db:5432/shop",
                "chainline.ingest.jdbc.user=reader",
                "chainline.ingest.jdbc.password=s3cret-pw",
                "chainline.ingest.jdbc.table=sales.orders",
                "chainline.ingest.jdbc.cursor-column=updated_at",
                "chainline.ingest.jdbc.fetch-size=250",
                "chainline.ingest.jdbc.column-mapping={\"Order Item Id\" = item_id}",
                "chainline.ingest.jdbc.properties={sslmode = require}");

        JdbcSourceSettings settings = JdbcSourceSettings.from(config);

        assertThat(settings)
                .isEqualTo(new JdbcSourceSettings(
                        "jdbc:postgresql://db:5432/shop",
                        "reader",
                        Secret.of("s3cret-pw"),
                        Optional.of("sales.orders"),
                        Optional.empty(),
                        "updated_at",
                        250,
                        Map.of("Order Item Id", "item_id"),
                        Map.of("sslmode", "require")));
        assertThat(settings.configured()).isTrue();
    }

    @Test
    void aQueryReplacesTheTable() {
        Config config = TestConfigs.load(
                "chainline.ingest.jdbc.url=jdbc:postgresql://db/shop",
                "chainline.ingest.jdbc.query=SELECT * FROM orders JOIN items USING (order_id)");

        assertThat(JdbcSourceSettings.from(config).query())
                .contains("SELECT * FROM orders JOIN items USING (order_id)");
    }

    @Test
    void invalidValuesAreAllReported() {
        Config config = TestConfigs.load(
                "chainline.ingest.jdbc.url=jdbc:postgresql://db/shop",
                "chainline.ingest.jdbc.table=orders; DROP TABLE orders",
                "chainline.ingest.jdbc.query=SELECT * FROM orders",
                "chainline.ingest.jdbc.cursor-column=1st",
                "chainline.ingest.jdbc.fetch-size=0",
                "chainline.ingest.jdbc.column-mapping={\"Order Itm Id\" = item_id}");

        assertThatThrownBy(() -> JdbcSourceSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactlyInAnyOrder(
                                "Invalid value '0' for 'chainline.ingest.jdbc.fetch-size': must be >= 1",
                                "Invalid value 'orders; DROP TABLE orders' for 'chainline.ingest.jdbc.table': must be a table"
                                        + " name, optionally schema-qualified (sales.orders): letters, digits, '_' and '$',"
                                        + " not starting with a digit, at most one '.'",
                                "Invalid value '1st' for 'chainline.ingest.jdbc.cursor-column': must be a column name,"
                                        + " optionally table-qualified (orders.order_item_id): letters, digits, '_' and '$',"
                                        + " not starting with a digit, at most one '.'",
                                "Invalid value 'SELECT * FROM orders' for 'chainline.ingest.jdbc.query': must be empty when"
                                        + " 'chainline.ingest.jdbc.table' is set: set exactly one of table and query",
                                "Invalid value 'Order Itm Id' for 'chainline.ingest.jdbc.column-mapping': keys must be"
                                        + " DataCo header names such as 'Type', 'Days for shipping (real)',"
                                        + " 'Days for shipment (scheduled)'"));
    }

    @Test
    void aUrlNeedsATableOrAQuery() {
        Config config = TestConfigs.load("chainline.ingest.jdbc.url=jdbc:postgresql://db/shop");

        assertThatThrownBy(() -> JdbcSourceSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '' for 'chainline.ingest.jdbc.table': must be set, or"
                        + " 'chainline.ingest.jdbc.query' instead, when 'chainline.ingest.jdbc.url' is set");
    }

    @Test
    void urlAndQueryAreChecked() {
        Config config = TestConfigs.load(
                "chainline.ingest.jdbc.url=postgresql://reader:pw@db/shop",
                "chainline.ingest.jdbc.query=DELETE FROM orders");

        assertThatThrownBy(() -> JdbcSourceSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "Invalid value 'postgresql://reader:***@db/shop' for 'chainline.ingest.jdbc.url':"
                                        + " must be a JDBC URL starting with 'jdbc:'",
                                "Invalid value 'DELETE FROM orders' for 'chainline.ingest.jdbc.query':"
                                        + " must be a SELECT (or WITH ... SELECT) query"));
    }

    @Test
    void toStringHidesThePasswordAndRedactsTheUrl() {
        Config config = TestConfigs.load(
                "chainline.ingest.jdbc.url=jdbc:postgresql://db/shop?user=reader&password=url-pw",
                "chainline.ingest.jdbc.password=s3cret-pw",
                "chainline.ingest.jdbc.table=orders",
                "chainline.ingest.jdbc.properties={sslpassword = key-pw, sslmode = require}");

        String text = JdbcSourceSettings.from(config).toString();

        assertThat(text)
                .doesNotContain("s3cret-pw", "url-pw", "key-pw")
                .contains(
                        "password=[hidden]",
                        "jdbc:postgresql://db/shop?user=reader&password=***",
                        "sslpassword=[hidden]",
                        "sslmode=require",
                        "table=orders");
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(IngestModule.class);
    }
}

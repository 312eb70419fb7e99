package io.chainline.ingest.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.SourceInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRecordSourceTest {
    private static final String URL = "jdbc:postgresql://reader:url-pw@db:5432/shop";

    @Test
    void readsTheConfiguredTableWhenTheRequestNamesTheOfflineStore() {
        JdbcRecordSource source = new JdbcRecordSource(settings(Optional.of("orders"), Optional.empty()));

        assertThat(IngestRequest.jdbcStore().sourceNames()).containsExactly(JdbcRecordSource.TYPE);
        assertThat(IngestRequest.fromSources("jdbc").sourceNames()).containsExactly(JdbcRecordSource.TYPE);
        assertThat(IngestRequest.csv("orders.csv").sourceNames()).doesNotContain(JdbcRecordSource.TYPE);
        assertThat(source.inputs(IngestRequest.jdbcStore())).hasSize(1);
    }

    @Test
    void askingForAnUnconfiguredStoreIsAConfigurationError() {
        JdbcRecordSource source = new JdbcRecordSource(new JdbcSourceSettings(
                "", "", Secret.empty(), Optional.empty(), Optional.empty(), "order_item_id", 1000, Map.of(), Map.of()));

        assertThatThrownBy(() -> source.inputs(IngestRequest.jdbcStore()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("chainline.ingest.jdbc.url must be set to read an offline store");
    }

    @Test
    void aTableIsKeyedByItsDatabaseWithoutCredentialsAndItsNameAndNeverFinished() {
        SourceInput input = onlyInput(settings(Optional.of("sales.orders"), Optional.empty()));

        assertThat(input.key()).isEqualTo("jdbc:postgresql://db:5432/shop|sales.orders");
        assertThat(input.formerKeys()).containsExactly("jdbc:sales.orders");
        assertThat(input.description()).isEqualTo("jdbc:postgresql://reader:***@db:5432/shop table sales.orders");
        assertThat(input.finite()).isFalse();
    }

    @Test
    void aQueryIsKeyedByItsDatabaseAndItsHash() {
        SourceInput input = onlyInput(settings(Optional.empty(), Optional.of("SELECT * FROM orders")));

        // printf 'SELECT * FROM orders' | sha256sum
        assertThat(input.key()).isEqualTo("jdbc:postgresql://db:5432/shop|query:ecf344c50257470a");
        assertThat(input.formerKeys()).containsExactly("jdbc:query:ecf344c50257470a");
        assertThat(input.description())
                .isEqualTo("jdbc:postgresql://reader:***@db:5432/shop query SELECT * FROM orders");
    }

    @Test
    void anotherDatabaseIsAnotherKeyAnotherUserOrPasswordIsNot() {
        assertThat(keyOf("jdbc:postgresql://db:5432/shop?user=a&password=x&ssl=true"))
                .isEqualTo(keyOf("jdbc:postgresql://db:5432/shop?user=b&password=y&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?ssl=true|orders");
        assertThat(keyOf("jdbc:postgresql://db2:5432/shop")).isNotEqualTo(keyOf("jdbc:postgresql://db:5432/shop"));
        assertThat(keyOf("jdbc:postgresql://db:5432/archive")).isNotEqualTo(keyOf("jdbc:postgresql://db:5432/shop"));
        assertThat(keyOf("jdbc:sqlserver://db:1433;databaseName=shop;user=u;password=p"))
                .isEqualTo("jdbc:sqlserver://db:1433;databaseName=shop|orders");
        assertThat(keyOf("jdbc:mysql://u:p@db/shop?accessToken=t0k3n"))
                .isEqualTo("jdbc:mysql://db/shop|orders")
                .doesNotContain("t0k3n");
        assertThat(keyOf("jdbc:oracle:thin:scott/tiger@//db:1521/orcl"))
                .isEqualTo(keyOf("jdbc:oracle:thin:@//db:1521/orcl"))
                .isEqualTo("jdbc:oracle:thin:@//db:1521/orcl|orders");
        assertThat(keyOf("jdbc:postgresql://db/" + "d".repeat(300))).matches("jdbc:sha256:[0-9a-f]{16}\\|orders");
    }

    private static String keyOf(String url) {
        return new JdbcTableInput(new JdbcSourceSettings(
                        url,
                        "",
                        Secret.empty(),
                        Optional.of("orders"),
                        Optional.empty(),
                        "order_item_id",
                        1000,
                        Map.of(),
                        Map.of()))
                .key();
    }

    @Test
    void aUrlNoDriverAcceptsIsAConfigurationError() {
        JdbcSourceSettings settings = new JdbcSourceSettings(
                "jdbc:nosuchdb://reader:url-pw@db/shop",
                "reader",
                Secret.of("s3cret-pw"),
                Optional.of("orders"),
                Optional.empty(),
                "order_item_id",
                1000,
                Map.of(),
                Map.of());
        SourceInput input = onlyInput(settings);

        assertThatThrownBy(() -> input.open(null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'jdbc:nosuchdb://reader:***@db/shop' for 'chainline.ingest.jdbc.url':"
                        + " no JDBC driver on the classpath accepts it");
    }

    @Test
    void connectionAndServerFailuresAreRetriableOthersAreNot() {
        for (String state : List.of("08001", "08006", "53300", "57P01", "40001")) {
            assertThat(SqlFailures.translate("Reading x", new SQLException("down", state), Secret.empty()))
                    .as(state)
                    .isInstanceOf(RetriableException.class);
        }
        for (String state : List.of("28P01", "42P01", "42601")) {
            assertThat(SqlFailures.translate("Reading x", new SQLException("bad", state), Secret.empty()))
                    .as(state)
                    .isNotInstanceOf(RetriableException.class);
        }
    }

    @Test
    void failureMessagesNeverShowThePassword() {
        SQLException cause = new SQLException(
                "login as reader with s3cret-pw to" + " jdbc:postgresql://db/shop?password=url-pw failed", "28P01");

        ChainlineException e = SqlFailures.translate("Connecting to db table orders", cause, Secret.of("s3cret-pw"));

        assertThat(e)
                .hasMessage("Connecting to db table orders failed: login as reader with [hidden] to"
                        + " jdbc:postgresql://db/shop?password=*** failed (SQLState 28P01)")
                .hasCause(cause);
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(ColumnKind.plain(new BigDecimal("327.7500"))).isEqualTo("327.75");
        assertThat(ColumnKind.plain(new BigDecimal("1.2E+3"))).isEqualTo("1200");
        assertThat(ColumnKind.plain(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(ColumnKind.plain(new BigDecimal("-0.039999999"))).isEqualTo("-0.039999999");
    }

    @Test
    void rawLinesQuoteOnlyWhatNeedsIt() {
        assertThat(CsvLine.of(List.of("", "a,b", "say \"hi\"", "plain", "")))
                .isEqualTo(",\"a,b\",\"say \"\"hi\"\"\",plain,");
    }

    private static JdbcSourceSettings settings(Optional<String> table, Optional<String> query) {
        return new JdbcSourceSettings(
                URL, "reader", Secret.of("s3cret-pw"), table, query, "order_item_id", 1000, Map.of(), Map.of());
    }

    private static SourceInput onlyInput(JdbcSourceSettings settings) {
        List<SourceInput> inputs = new JdbcRecordSource(settings).inputs(IngestRequest.jdbcStore());
        assertThat(inputs).hasSize(1);
        return inputs.get(0);
    }
}

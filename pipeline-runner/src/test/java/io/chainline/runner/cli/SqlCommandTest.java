package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCommandTest {

    @TempDir
    Path dir;

    private Path warehouse;

    @BeforeEach
    void fillWarehouse() throws SQLException {
        warehouse = dir.resolve("warehouse.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE dim_customer AS SELECT * FROM VALUES"
                    + " (1, 'Caguas', CAST('0.000000001' AS DECIMAL(38,9))),"
                    + " (2, 'San Juan, PR', CAST('1250.5' AS DECIMAL(38,9))),"
                    + " (3, NULL, NULL) AS t(customer_id, customer_city, balance)");
        }
    }

    private CliRun sql(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "sql";
        all[1] = "--set";
        all[2] = "chainline.export.duckdb-path=" + warehouse;
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.run(Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString()), all);
    }

    @Test
    void printsAnAlignedTable() {
        CliRun run = sql("SELECT * FROM dim_customer ORDER BY customer_id");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "customer_id  customer_city  balance",
                        "1            Caguas         0.000000001",
                        "2            San Juan, PR   1250.500000000",
                        "3            NULL           NULL");
        assertThat(run.err()).contains("(3 rows)");
    }

    @Test
    void printsCsv() {
        CliRun run = sql("SELECT * FROM dim_customer ORDER BY customer_id", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "customer_id,customer_city,balance",
                        "1,Caguas,0.000000001",
                        "2,\"San Juan, PR\",1250.500000000",
                        "3,,");
    }

    @Test
    void printsJsonWithTypedValues() {
        CliRun format =
                sql("SELECT * FROM dim_customer WHERE customer_id <= 3 ORDER BY customer_id", "--format", "json");
        CliRun global = sql("SELECT count(*) AS n FROM dim_customer", "--json");

        assertThat(format.exitCode()).isZero();
        assertThat(format.out().replaceAll("\\s+", ""))
                .isEqualTo("[{\"customer_id\":1,\"customer_city\":\"Caguas\","
                        + "\"balance\":0.000000001},{\"customer_id\":2,\"customer_city\":\"SanJuan,PR\",\"balance\":"
                        + "1250.500000000},{\"customer_id\":3,\"customer_city\":null,\"balance\":null}]");
        assertThat(global.out().replaceAll("\\s+", "")).isEqualTo("[{\"n\":3}]");
    }

    @Test
    void stopsAtMaxRowsAndSaysSo() {
        CliRun run = sql("SELECT customer_id FROM dim_customer ORDER BY 1", "--max-rows", "2");

        assertThat(run.out().lines()).containsExactly("customer_id", "1", "2");
        assertThat(run.err()).contains("Showing the first 2 rows; there are more (raise --max-rows).");
    }

    @Test
    void aBadQueryNamesTheProblemAndFails() {
        CliRun unknown = sql("SELECT * FROM fact_order");
        CliRun syntax = sql("SELEC 1");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("Error: The query failed on the local warehouse " + warehouse
                        + ": Catalog Error: Table with name fact_order does not exist");
        assertThat(unknown.out()).isEmpty();
        assertThat(syntax.exitCode()).isEqualTo(1);
        assertThat(syntax.err()).contains("Parser Error: syntax error at or near \"SELEC\"");
    }

    @Test
    void statementsReachingOutsideTheWarehouseFailWithOneLineAndTouchNoFile() throws IOException {
        Path readable = Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n");
        Path copied = dir.resolve("copy.csv");
        Path attached = dir.resolve("other.duckdb");
        Path exported = dir.resolve("export");
        List<String> forbidden = List.of(
                "COPY dim_customer TO '" + copied + "'",
                "EXPORT DATABASE '" + exported + "'",
                "SELECT * FROM read_text('" + readable + "')",
                "SELECT * FROM read_csv('" + readable + "')",
                "ATTACH '" + attached + "' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')",
                "SET enable_external_access = true",
                "RESET lock_configuration");

        for (String statement : forbidden) {
            CliRun run = sql(statement);

            assertThat(run.exitCode()).as(statement).isEqualTo(1);
            assertThat(run.out()).as(statement).isEmpty();
            List<String> errors =
                    run.err().lines().filter(line -> !line.startsWith("Log: ")).toList();
            assertThat(errors)
                    .as(statement)
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("Error: The query failed on the local warehouse " + warehouse + ": ")
                            .containsAnyOf(
                                    "disabled by configuration",
                                    "disabled through configuration",
                                    "the configuration has been locked")
                            .endsWith("(queries read the warehouse's tables only: files, ATTACH, extensions, HTTP"
                                    + " and settings are off)"));
        }
        assertThat(copied).doesNotExist();
        assertThat(attached).doesNotExist();
        assertThat(exported).doesNotExist();
        assertThat(sql("SELECT count(*) AS n FROM dim_customer").out().lines()).containsExactly("n", "3");
    }

    @Test
    void rowsArePrintedAsTheWarehouseHoldsThemWithoutRedaction() {
        String query = "SELECT 'token=abc123' AS note, 'postgresql://ana:s3cret@db/x' AS url";

        CliRun table = sql(query);
        CliRun csv = sql(query, "--format", "csv");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("token=abc123").contains("postgresql://ana:s3cret@db/x");
        assertThat(csv.out().lines()).containsExactly("note,url", "token=abc123,postgresql://ana:s3cret@db/x");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = sql("SELECT 1", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value for option '--format': expected one of [table, csv, json]"
                        + " (case-sensitive) but was 'xml'");
    }
}

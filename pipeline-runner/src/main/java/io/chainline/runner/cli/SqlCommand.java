package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import com.google.inject.Injector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.export.ExportSettings;
import io.chainline.export.duckdb.DuckDbWarehouse;
import io.chainline.export.duckdb.QueryResult;
import io.chainline.export.duckdb.WarehouseQuery;

/**
 * {@code chainline sql "SELECT …"}: runs one query on the local DuckDB warehouse, opened read-only, and prints its
 * rows as an aligned table, CSV or JSON on stdout.
 */
@Command(name = "sql", description = "Run a query on the local DuckDB warehouse and print its rows.")
final class SqlCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "QUERY", description = "The SQL statement, e.g. \"SELECT count(*) FROM fact_order\".")
    String query;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; --json means json).")
    QueryOutput.Format format;

    @Option(
            names = "--max-rows",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Print at most N rows (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        if (maxRows < 1) {
            output.message("Invalid value '" + maxRows + "' for '--max-rows': must be >= 1");
            return 2;
        }
        Injector injector = root.environment().injector(root.options());
        ExportSettings settings = injector.getInstance(ExportSettings.class);
        QueryResult result;
        try (Lifecycle lifecycle = injector.getInstance(Lifecycle.class)) {
            DuckDbWarehouse warehouse = lifecycle.manage(DuckDbWarehouse.readOnly(settings.duckdbPath()));
            result = new WarehouseQuery(warehouse).run(query, maxRows);
        }
        new QueryOutput(output).print(result, root.options().json() ? QueryOutput.Format.json : format);
        if (result.truncated()) {
            output.message("Showing the first " + maxRows + " rows; there are more (raise --max-rows).");
        }
        return 0;
    }
}

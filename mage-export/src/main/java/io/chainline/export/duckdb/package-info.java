/** The local DuckDB warehouse: the default exporter, its connection and queries on it. */
package io.chainline.export.duckdb;

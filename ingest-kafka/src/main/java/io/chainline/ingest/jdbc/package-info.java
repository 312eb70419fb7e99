/**
 * The JDBC offline-store record source: {@link io.chainline.ingest.jdbc.JdbcRecordSource} reads the table or query
 * of {@code chainline.ingest.jdbc} ({@link io.chainline.ingest.jdbc.JdbcSourceSettings}) incrementally, in the
 * order of an increasing cursor column, and turns each result row into the 53 DataCo header values as the source
 * file would spell them.
 */
package io.chainline.ingest.jdbc;

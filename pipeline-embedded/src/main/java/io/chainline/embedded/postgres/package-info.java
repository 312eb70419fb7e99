/**
 * A real PostgreSQL server run as a child process from binaries shipped in Maven artifacts, for local runs and
 * tests: {@link io.chainline.embedded.postgres.EmbeddedPostgres}.
 */
package io.chainline.embedded.postgres;

/**
 * Export of the published silver tables to DuckDB, BigQuery or through a Mage pipeline: settings and the Guice
 * module.
 */
package io.chainline.export;

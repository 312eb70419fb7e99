/** Export of the published silver tables to DuckDB, BigQuery or through a Mage pipeline. */
package io.chainline.export;

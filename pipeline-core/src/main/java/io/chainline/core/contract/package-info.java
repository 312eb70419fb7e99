/**
 * The DataCo Smart Supply Chain record contract: the 53 source columns
 * ({@link io.chainline.core.contract.DataCoColumn}), their value types
 * ({@link io.chainline.core.contract.ColumnType}) and the one set of parsing rules
 * ({@link io.chainline.core.contract.DataCoValueParser}, {@link io.chainline.core.contract.DataCoRecordParser})
 * that ingest validation and Spark conforming both use, so a value means the same thing in every stage.
 */
package io.chainline.core.contract;

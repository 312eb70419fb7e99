/**
 * Writing silver tables as versioned Parquet under {@code silver/<table>/<runId>/}, publishing
 * {@code silver/_manifest.json} by a conditional write and pruning old versions.
 */
package io.chainline.olap.publish;

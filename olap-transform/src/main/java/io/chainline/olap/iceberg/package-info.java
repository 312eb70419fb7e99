/**
 * Silver as Apache Iceberg tables: the catalog (hadoop, jdbc or rest), table creation and schema evolution, the
 * write-audit-publish of one build (a branch per build, fast-forwarded to {@code main} once every table is written
 * and checked), the export pointer {@code silver/_manifest.json} derived from the published snapshots, and retention.
 */
package io.chainline.olap.iceberg;

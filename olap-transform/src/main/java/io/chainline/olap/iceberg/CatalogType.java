package io.chainline.olap.iceberg;

/** The kinds of Iceberg catalog silver tables can live in ({@code chainline.silver.catalog.type}). */
public enum CatalogType {
    /** {@code hadoop} for a local store, {@code jdbc} for a {@code gs://} store. */
    AUTO,
    /** Metadata files beside the data; commits rely on an atomic rename, so only for local stores. */
    HADOOP,
    /** Table pointers in a relational database (PostgreSQL); safe on object stores. */
    JDBC,
    /** Any Iceberg REST catalog: BigLake metastore, Polaris, Nessie, Gravitino. */
    REST
}

/** Ingestion of CSV files, offline stores and generated rows into the Kafka topic {@code supply_chain_data}. */
package io.chainline.ingest;

/**
 * Reading the raw files (Avro and JSON lines under {@code raw_streaming/}) with schema-on-read and conforming them
 * to typed, snake_case columns by the core contract's rules, as Spark column expressions; dropping replays and
 * superseded versions of an order item; separating rejected rows with their reason.
 */
package io.chainline.olap.conform;

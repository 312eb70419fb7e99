/**
 * The raw sink SPI: {@link io.chainline.sinks.spi.RawSink}s receive {@link io.chainline.sinks.spi.RawBatch}es of
 * {@link io.chainline.sinks.spi.RawRecord}s and say how far each partition is durable.
 */
package io.chainline.sinks.spi;

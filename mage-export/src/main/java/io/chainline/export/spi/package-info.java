/** The warehouse exporter SPI: one implementation per export mode, registered with a Guice multibinder. */
package io.chainline.export.spi;

/** The warehouse exporter SPI: one implementation per export mode, registered by the mode's name. */
package io.chainline.export.spi;

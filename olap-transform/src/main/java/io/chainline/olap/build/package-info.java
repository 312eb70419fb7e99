/**
 * The {@link io.chainline.olap.build.TableBuilder} SPI and the eight builders of the star schema: {@code fact_order}
 * and its seven dimensions, each with an unknown member (key -1).
 */
package io.chainline.olap.build;

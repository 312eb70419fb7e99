/** The Spark job that builds the star schema (silver) from the raw files and publishes it atomically. */
package io.chainline.olap;

/** The olap-transform stage: builds the star schema from the raw files and publishes it as a silver build of Iceberg tables. */
package io.chainline.olap.stage;

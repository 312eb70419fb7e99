/** The synthetic DataCo generator as a record source. */
package io.chainline.ingest.generator;

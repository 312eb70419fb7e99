/** The raw record contract of the object store: one Avro schema for writer and reader. */
package io.chainline.core.raw;

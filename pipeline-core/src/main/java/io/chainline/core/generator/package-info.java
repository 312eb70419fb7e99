/**
 * A deterministic synthetic source of DataCo Smart Supply Chain rows
 * ({@link io.chainline.core.generator.DataCoGenerator}) for tests, the generated record source and benchmarks: the
 * same seed gives the same rows, byte for byte, on every machine, shaped like the real dataset (cardinalities,
 * value formats and quirks such as trailing spaces, empty values and masked fields).
 */
package io.chainline.core.generator;

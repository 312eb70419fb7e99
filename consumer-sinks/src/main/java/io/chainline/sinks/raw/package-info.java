/**
 * The raw sink ({@code raw}): every record, unchanged, in Avro or JSON-lines files of the object store under
 * {@code <prefix>/dt=YYYYMMDDTHH/<topic>+<topicId>+<partition>+<firstOffset>-<lastOffset>.avro}, published
 * atomically and never twice; {@link io.chainline.sinks.raw.BlobRawSink} with its
 * {@link io.chainline.sinks.raw.RawSinkSettings}.
 */
package io.chainline.sinks.raw;

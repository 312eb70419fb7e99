package io.chainline.sinks.raw;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import io.chainline.core.raw.RawRecordSchema;
import io.chainline.sinks.spi.RawRecord;

/** An Avro container file of {@link RawRecordSchema}; Avro holds one block (about 64 KB) in memory. */
final class AvroRawFileWriter implements RawFileWriter {
    private final CountingOutputStream out;
    private final DataFileWriter<GenericRecord> writer;

    AvroRawFileWriter(Path file, CodecFactory codec) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        this.out = new CountingOutputStream(stream);
        this.writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(RawRecordSchema.SCHEMA));
        try {
            writer.setCodec(codec);
            writer.setFlushOnEveryBlock(false);
            writer.create(RawRecordSchema.SCHEMA, out);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public void append(RawRecord record) throws IOException {
        writer.append(RawRecordSchema.record(record.data(), record.coordinates()));
    }

    @Override
    public long bytes() {
        return out.count();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}

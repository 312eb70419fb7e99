package io.chainline.core.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real DataCo rows in {@code /dataco/dataco-sample.csv}, read with {@link Rfc4180Reader}. */
final class DataCoSample {
    static final String RESOURCE = "/dataco/dataco-sample.csv";
    static final int ROW_COUNT = 62;

    private DataCoSample() {}

    /** The header line's fields. */
    static List<String> header() {
        return Rfc4180Reader.readResource(RESOURCE).get(0);
    }

    /** Every data row as header to raw value, in file order. */
    static List<Map<String, String>> rows() {
        List<List<String>> records = Rfc4180Reader.readResource(RESOURCE);
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream()
                .map(record -> toRow(header, record))
                .toList();
    }

    /** The first data row, as a mutable map a test may change. */
    static Map<String, String> firstRow() {
        return new LinkedHashMap<>(rows().get(0));
    }

    private static Map<String, String> toRow(List<String> header, List<String> record) {
        if (record.size() != header.size()) {
            throw new IllegalStateException(
                    "Sample row has " + record.size() + " fields, expected " + header.size() + ": " + record);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), record.get(i));
        }
        return row;
    }
}

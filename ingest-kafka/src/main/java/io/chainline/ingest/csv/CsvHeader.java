package io.chainline.ingest.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.DataQualityException;

import static java.util.Objects.requireNonNull;

/**
 * Checks a CSV header line against the DataCo contract. Columns are matched by name, in any order; every one of
 * the 53 contract headers must be present, and no name may appear twice. Columns the contract does not know are
 * kept.
 */
final class CsvHeader {
    private static final char BOM = '\uFEFF';

    private CsvHeader() {}

    /**
     * The column names of a header, trimmed of a byte order mark and surrounding spaces, in file order.
     *
     * @param file the file, as people see it in messages
     * @param fields the header record's fields
     * @param line the 1-based line the header starts on
     * @throws DataQualityException when contract columns are missing or names repeat; the message names them all
     */
    static String[] names(String file, List<String> fields, long line) {
        requireNonNull(file, "file is null");
        requireNonNull(fields, "fields is null");
        String[] names = new String[fields.size()];
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < names.length; i++) {
            names[i] = clean(fields.get(i));
            if (!seen.add(names[i])) {
                duplicates.add(names[i]);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String header : DataCoColumn.headers()) {
            if (!seen.contains(header)) {
                missing.add(header);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("File " + file + " lacks required columns in its header on line " + line + ": " + missing);
        }
        if (!duplicates.isEmpty()) {
            problems.add("File " + file + " repeats header names on line " + line + ": " + duplicates
                    + "; each column must appear once");
        }
        if (!problems.isEmpty()) {
            throw new DataQualityException(String.join("; ", problems));
        }
        return names;
    }

    private static String clean(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == BOM) {
            start++;
        }
        return name.substring(start).strip();
    }
}

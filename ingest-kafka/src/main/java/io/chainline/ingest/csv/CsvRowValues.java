package io.chainline.ingest.csv;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of one CSV record as an unmodifiable map from header name to value, in file order. The names and
 * their index are shared by every record of a file, so a record costs one array of its values rather than a map
 * entry per column: reading, validating and encoding a row then touch little memory.
 */
final class CsvRowValues extends AbstractMap<String, String> {
    private final Columns columns;
    private final String[] values;

    /** The header names of one file and the index of each. */
    static final class Columns {
        private final String[] names;
        private final Map<String, Integer> index;

        /**
         * @param names distinct header names, in file order
         */
        Columns(String[] names) {
            this.names = names.clone();
            this.index = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                // Interned so that lookups by the contract's header constants find them by identity.
                this.names[i] = names[i].intern();
                index.put(this.names[i], i);
            }
        }

        int size() {
            return names.length;
        }
    }

    /**
     * @param columns the file's header names
     * @param values one value per name, in the same order; taken over, not copied
     */
    CsvRowValues(Columns columns, String[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.values = values;
    }

    @Override
    public String get(Object key) {
        Integer i = columns.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}

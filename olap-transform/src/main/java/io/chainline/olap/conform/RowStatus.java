package io.chainline.olap.conform;

import java.util.Locale;

/** What became of one raw row; kept in the conformed frame's {@link Conformer#STATUS} column. */
public enum RowStatus {
    /** Conformed: the latest version of its order item, every value valid. It becomes a fact row. */
    OK,
    /** A second copy of a Kafka record already read (same topic id, partition and offset); dropped. */
    REPLAY,
    /** An older version of an order item that a later record replaced; dropped. */
    SUPERSEDED,
    /** The latest version of its order item, but a value breaks the contract; written to the rejects table. */
    REJECTED;

    /** The value stored in the status column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

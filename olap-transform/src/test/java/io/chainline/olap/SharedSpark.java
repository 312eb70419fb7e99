package io.chainline.olap;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM: two cores, four shuffle partitions, no UI. Spark keeps it as the
 * default session, so every test class gets the same one; it stops when the JVM exits.
 */
public final class SharedSpark {
    private SharedSpark() {}

    /** The shared session, created on first use. */
    public static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("olap-transform-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "America/New_York")
                .getOrCreate();
    }
}

package io.chainline.runner.reconcile;

import io.chainline.core.raw.TopicOffsets;
import io.chainline.core.stage.CheckResult;

/** The check result of one count equality, worded the same for every hop. */
final class Counts {

    private Counts() {}

    /** Where a count by Kafka coordinates looked: this run's offset ranges. */
    static String atOffsets(TopicOffsets produced) {
        return "at this run's offsets of " + produced.topic() + " ("
                + produced.ranges().size() + " partitions)";
    }

    static CheckResult compare(String check, String leftName, long left, String rightName, long right, String where) {
        if (left == right) {
            return CheckResult.passed(check, leftName + " " + left + " = " + rightName + " " + right + " " + where);
        }
        return CheckResult.failed(
                check,
                leftName + " " + left + " != " + rightName + " " + right + " " + where + " ("
                        + (right > left ? right - left + " more" : left - right + " missing") + ")");
    }
}

/**
 * Housekeeping of the state directory: the per-command service data under {@code runs/} and the run reports under
 * {@code reports/} are pruned by age and count ({@code chainline.retention}), and their sizes are reported by
 * {@code chainline status}.
 */
package io.chainline.runner.state;

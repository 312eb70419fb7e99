/**
 * Helpers for tests of every module: configuration loading, stage contexts with a fixed clock, waiting with a
 * timeout, and the reference.conf documentation check.
 */
package io.chainline.testkit;

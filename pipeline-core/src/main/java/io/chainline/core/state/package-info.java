/**
 * The state directory ({@code chainline.state-dir}): where commands keep what outlives a run, such as ingest
 * positions, service records, reports and logs.
 */
package io.chainline.core.state;

/** The dead-letter topic: listing its letters and replaying fixed ones. */
package io.chainline.sinks.dlq;

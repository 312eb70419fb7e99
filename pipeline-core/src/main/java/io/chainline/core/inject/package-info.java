/** Guice wiring of pipeline-core: the configuration, clock and shared settings. */
package io.chainline.core.inject;

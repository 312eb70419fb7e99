/**
 * Guice wiring of pipeline-core: the configuration, clock and shared settings ({@link io.chainline.core.inject.CoreModule}),
 * and the {@link io.chainline.core.inject.Registry} through which every extension point registers its implementations
 * by short type name.
 */
package io.chainline.core.inject;

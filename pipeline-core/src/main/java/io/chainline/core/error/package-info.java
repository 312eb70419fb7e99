/**
 * Chainline's exception hierarchy: one unchecked root, {@link io.chainline.core.error.ChainlineException},
 * with config, retriable and data-quality subtypes.
 */
package io.chainline.core.error;

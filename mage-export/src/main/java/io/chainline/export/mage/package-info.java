/**
 * Export through a Mage pipeline: {@link io.chainline.export.mage.MageSettings} ({@code chainline.mage}), the stored
 * API trigger, and {@link io.chainline.export.mage.MageExporter} (export mode {@code mage}).
 */
package io.chainline.export.mage;

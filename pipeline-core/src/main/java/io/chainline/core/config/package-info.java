/**
 * Layered configuration loading ({@link io.chainline.core.config.ConfigLoader}), typed settings reading with all
 * problems reported at once ({@link io.chainline.core.config.SettingsReader}) and secret values
 * ({@link io.chainline.core.config.Secret}).
 */
package io.chainline.core.config;

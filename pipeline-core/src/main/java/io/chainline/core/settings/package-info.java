/**
 * Connection settings shared by several stages: {@code chainline.kafka}, {@code chainline.postgres},
 * {@code chainline.store} and {@code chainline.state-dir}.
 */
package io.chainline.core.settings;

/**
 * The {@code chainline} runner: the entry point ({@link io.chainline.runner.Main}) and the embedding API
 * ({@link io.chainline.runner.Chainline}) that runs the same commands and custom stage chains in-process.
 */
package io.chainline.runner;

/** The {@code chainline} runner: entry point, command line, composition. */
package io.chainline.runner;

/** The {@code chainline} command line (picocli): sub-commands, global options and the output layer. */
package io.chainline.runner.cli;

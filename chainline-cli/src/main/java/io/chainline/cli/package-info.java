/** The runnable {@code chainline} jar: its main class and the logging that keeps the terminal for Chainline. */
package io.chainline.cli;

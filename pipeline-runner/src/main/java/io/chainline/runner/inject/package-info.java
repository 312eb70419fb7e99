/** Guice composition of all Chainline modules. */
package io.chainline.runner.inject;

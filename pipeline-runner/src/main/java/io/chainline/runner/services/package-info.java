/** The runner's side of local services: endpoints resolved from the registry or started for a command. */
package io.chainline.runner.services;

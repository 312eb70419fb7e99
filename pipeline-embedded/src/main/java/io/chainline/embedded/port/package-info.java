/**
 * The port of a local service, chosen on its first start and kept with its data, so that it comes back on the same
 * address after a restart: {@link io.chainline.embedded.port.ServicePort}.
 */
package io.chainline.embedded.port;

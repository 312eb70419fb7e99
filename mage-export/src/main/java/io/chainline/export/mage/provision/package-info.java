/**
 * Provisioning of the Mage export pipeline: its blocks generated from the silver manifest, written into the Mage
 * project or created through the API, and its API trigger stored in the state directory.
 */
package io.chainline.export.mage.provision;

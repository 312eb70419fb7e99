/**
 * A client of Mage's REST API: trigger a pipeline run through an API trigger, wait for it, read its block runs, and
 * provision pipelines, blocks and triggers. Secrets never reach its log lines or exceptions.
 */
package io.chainline.export.mage.client;

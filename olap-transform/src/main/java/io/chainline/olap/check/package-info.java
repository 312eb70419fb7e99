/**
 * Data-quality checks of a silver build before it is published: key uniqueness, no null keys, no orphan foreign
 * key, fact rows against the conformed input, row counts; computed in few passes over cached frames.
 */
package io.chainline.olap.check;

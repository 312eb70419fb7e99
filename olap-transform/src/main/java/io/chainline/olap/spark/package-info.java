/**
 * The Spark session of a run: its settings ({@code chainline.spark}, with the gs:// keys taken from
 * {@code chainline.store.gcs}), the factory that creates one session per injector and stops it with the run's
 * lifecycle, and the listener that turns finished tasks into stage progress.
 */
package io.chainline.olap.spark;

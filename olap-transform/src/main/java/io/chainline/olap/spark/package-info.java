/**
 * The Spark session of a run: its settings ({@code chainline.spark}, with the gs:// keys taken from
 * {@code chainline.store.gcs}), the factory that gives an injector one session (the host application's running
 * session when there is one, never stopped by Chainline; else one it builds and stops with the run's lifecycle), and
 * the listener that turns finished tasks into stage progress.
 */
package io.chainline.olap.spark;

/** The export stage ({@code gcs-to-bigquery}): loads the published silver version with the chosen exporter. */
package io.chainline.export.stage;

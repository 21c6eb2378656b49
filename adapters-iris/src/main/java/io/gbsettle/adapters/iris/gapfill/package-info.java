/**
 * Gap filling from the Elexon Insights REST API: after an outage (or on start-up) the datasets IRIS would have
 * pushed are fetched for the missed time range, in bounded chunks, with timeouts and backoff, and fed through the
 * same {@link io.gbsettle.adapters.iris.IrisIngest} path, so every row becomes the record IRIS would have produced
 * and the engine drops what IRIS had already delivered.
 */
package io.gbsettle.adapters.iris.gapfill;

/**
 * The canonical event model: fixed-layout binary input records ({@link io.gbsettle.core.event.InputEvent}) and
 * result records ({@link io.gbsettle.core.event.ResultRecord}), read and written through flyweights over Agrona
 * buffers, never as an object per event. The same bytes travel through the ring, the journal and replay.
 */
package io.gbsettle.core.event;

package io.gbsettle.core.engine;

/**
 * How the engine spreads its stages over threads. Either way inputs are journaled before any result resting on them
 * is published, and the results are the same, record for record.
 *
 * <pre>
 *   STAGED      input ring ─┬─► journal thread                      result ring ─► publisher thread
 *                           └─► calculation thread ──────────────────┘             (results journal, listeners)
 *   ONE_THREAD  input ring ───► one thread: journal the batch ─► calculate ─► publish (results journal, listeners)
 * </pre>
 *
 * <p>{@link #STAGED} is the LMAX shape: each stage on a core of its own, the journal beside the calculation. On a
 * machine with fewer cores than stages the three consumer threads and the producer take turns on the cores, and a
 * result can wait a scheduler time slice (milliseconds) for the thread that must handle it next;
 * {@link #ONE_THREAD} then gives the lower latency (measured on the 2-core build machine: see the README's engine
 * figures).
 */
public enum EnginePipeline
{
    /** Journal ‖ calculation → result ring → publisher: three consumer threads. */
    STAGED,
    /** Journal, calculation and publication on one consumer thread, one after the other. */
    ONE_THREAD
}

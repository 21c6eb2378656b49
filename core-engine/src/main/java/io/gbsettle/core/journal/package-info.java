/**
 * The engine's journal: every input record and every result record, persisted in Chronicle Queue as fixed-length
 * records numbered 0, 1, 2, ... (their positions) across restarts and roll cycles, so that a killed engine resumes
 * where it stopped and a journal replays to the same outputs bit for bit.
 *
 * <p>{@link io.gbsettle.core.journal.Journal} is a journal directory ({@code inputs}, {@code results},
 * {@code registry}); {@link io.gbsettle.core.journal.RecordJournal} is one queue of fixed-length records (append,
 * position bookkeeping, crash recovery); {@link io.gbsettle.core.journal.JournalReader} replays it from any position,
 * forwards or backwards; {@link io.gbsettle.core.journal.JournalConfig} holds the choices (roll cycle, sync, how long
 * a writer waits for the single-writer lock).
 * I/O lives here: this is not a kernel package.
 */
package io.gbsettle.core.journal;

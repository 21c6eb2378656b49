package io.gbsettle.core.engine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.RecordJournal;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.settle.SettlementContext;
import io.gbsettle.core.time.SettlementRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run a crash cut short is redone on relaunch: the journal holds every input of the day and its run trigger, but
 * its results stop somewhere around the run (no results at all, inside the trigger's indicative flush, after that
 * flush but before RUN_START, inside the run, just before RUN_END). The relaunched engine must complete the run once:
 * the journal's valid results then equal an uninterrupted engine's, exactly one complete run is in the journal, a
 * resubmitted bundle and trigger change nothing, and a replay verifies every journaled result.
 *
 * <p>This is the SettleCrashTest flake: the trigger's indicative flush, journaled whole before the run started, rests
 * on the trigger's input position too, and recovery used to publish only results resting on inputs after the last
 * complete group's, so the redone run was dropped and the day never had a complete run.
 */
final class EngineCutRunRecoveryTest
{
    @TempDir
    static Path bundleDir;
    @TempDir
    static Path referenceJournal;

    private static DayBundle bundle;
    private static long trigger;
    private static List<byte[]> inputs;
    private static List<byte[]> reference;

    /**
     * Where the crash cut the results journal: the number of reference results it kept.
     */
    enum Cut
    {
        NO_RESULTS,
        INSIDE_TRIGGER_FLUSH,
        BEFORE_RUN_START,
        AFTER_RUN_START,
        INSIDE_RUN,
        BEFORE_RUN_END,
        NOTHING_CUT;

        int kept()
        {
            final int flushStart = indexOf(r -> r.inputTo() == trigger);
            final int runStart = indexOf(r -> r.type() == ResultType.RUN_START);
            final int runEnd = indexOf(r -> r.type() == ResultType.RUN_END);
            return switch (this)
            {
                case NO_RESULTS -> 0;
                case INSIDE_TRIGGER_FLUSH -> flushStart + 1;
                case BEFORE_RUN_START -> runStart;
                case AFTER_RUN_START -> runStart + 1;
                case INSIDE_RUN -> (runStart + runEnd) / 2;
                case BEFORE_RUN_END -> runEnd;
                case NOTHING_CUT -> reference.size();
            };
        }
    }

    /**
     * The inputs come from a live engine; the reference results from a relaunch on those inputs alone, so that the
     * indicative flushes do not depend on where the live ring's batches happened to end: the only ones are at the
     * trigger (before its run, every period of the day) and at the last input.
     */
    @BeforeAll
    static void uninterrupted(@TempDir final Path live) throws Exception
    {
        SyntheticBundle.write(SyntheticRegistry.generate(5, SyntheticRegistry.Size.SMALL), 5, LocalDate.of(2025, 6,
            10), SettlementRun.SF, false, bundleDir);
        bundle = DayBundle.load(bundleDir);
        try (Engine engine = launch(live, new ArrayList<>()))
        {
            trigger = BundleEvents.settle(bundle, engine, 30, TimeUnit.SECONDS);
        }
        inputs = read(live, false);
        try (Journal writer = Journal.open(referenceJournal, new JournalConfig()))
        {
            writer.writeRegistry(bundle.registry());
            copy(inputs, inputs.size(), writer.inputs());
        }
        final List<byte[]> recovered = new ArrayList<>();
        launch(referenceJournal, recovered).close();
        reference = read(referenceJournal, true);
        assertEquals(reference.size(), recovered.size());

        final int flushStart = indexOf(r -> r.inputTo() == trigger);
        final int runStart = indexOf(r -> r.type() == ResultType.RUN_START);
        assertTrue(flushStart >= 0 && flushStart < runStart - 1 && wrap(reference.get(flushStart)).run() ==
            ResultRecord.INDICATIVE, "the trigger's indicative flush (several records) comes before its run, on the " +
            "same input: the case this test is about");
        assertEquals(1, completeRuns(reference));
        assertEquals(EventType.RUN_TRIGGER, new InputEvent().wrap(new UnsafeBuffer(inputs.get((int)trigger)), 0)
            .type());
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aRunCutShortIsRedoneOnceOnRelaunch(final Cut cut, @TempDir final Path journal) throws Exception
    {
        final int kept = cut.kept();
        try (Journal writer = Journal.open(journal, new JournalConfig()))
        {
            writer.writeRegistry(bundle.registry());
            copy(inputs, inputs.size(), writer.inputs());
            copy(reference, kept, writer.results());
        }

        final List<byte[]> published = new ArrayList<>();
        try (Engine engine = launch(journal, published))
        {
            assertEquals(inputs.size(), engine.nextPosition(), "every input recovered");
            assertEquals(reference.subList(firstGroupStart(kept), reference.size()).size(), published.size(),
                "recovery publishes the groups the journal lacks whole, from the one the crash cut, and no other");
            for (int i = 0; i < published.size(); i++)
            {
                assertArrayEquals(reference.get(firstGroupStart(kept) + i), published.get(i), "published " + i);
            }
            BundleEvents.settle(bundle, engine, 30, TimeUnit.SECONDS);
        }

        final List<byte[]> results = read(journal, true);
        assertEquals(1, completeRuns(results), cut + ": the run is complete in the journal exactly once");
        final List<byte[]> valid = valid(journal, results);
        assertEquals(reference.size(), valid.size(), cut + ": valid results");
        for (int i = 0; i < valid.size(); i++)
        {
            assertArrayEquals(reference.get(i), valid.get(i), cut + ": valid result " + i);
        }
        final List<byte[]> run = new ArrayList<>();
        assertEquals(1, RunRecords.latest(journal, bundle.epochDay(), SettlementRun.SF,
            record -> run.add(bytes(record))), cut + ": the run is read back");
        final int runStart = indexOf(r -> r.type() == ResultType.RUN_START);
        final int runEnd = indexOf(r -> r.type() == ResultType.RUN_END);
        assertEquals(runEnd - runStart + 1, run.size());

        final Replay.Summary verified = Replay.run(journal, SettlementContext.defaults(), 0, true, null);
        assertTrue(verified.verified(), cut + ": " + verified);
    }

    /**
     * The start of the reference group that holds result {@code kept} (the first the cut journal lacks): recovery
     * publishes from there.
     */
    private static int firstGroupStart(final int kept)
    {
        int start = 0;
        for (int i = 0; i < kept; i++)
        {
            if ((wrap(reference.get(i)).quality() & ResultType.GROUP_END) != 0)
            {
                start = i + 1;
            }
        }
        return start;
    }

    private static long completeRuns(final List<byte[]> results)
    {
        return results.stream().filter(r -> wrap(r).type() == ResultType.RUN_END).count();
    }

    private static List<byte[]> valid(final Path journal, final List<byte[]> results)
    {
        try (Journal readOnly = Journal.openReadOnly(journal, new JournalConfig()))
        {
            final ResultGroups groups = ResultGroups.scan(readOnly.results());
            final List<byte[]> valid = new ArrayList<>();
            for (int i = 0; i < results.size(); i++)
            {
                if (!groups.skipped(i))
                {
                    valid.add(results.get(i));
                }
            }
            return valid;
        }
    }

    private static int indexOf(final Predicate<ResultRecord> test)
    {
        for (int i = 0; i < reference.size(); i++)
        {
            if (test.test(wrap(reference.get(i))))
            {
                return i;
            }
        }
        return -1;
    }

    private static ResultRecord wrap(final byte[] bytes)
    {
        return new ResultRecord().wrap(new UnsafeBuffer(bytes), 0);
    }

    private static byte[] bytes(final ResultRecord record)
    {
        final byte[] copy = new byte[ResultRecord.LENGTH];
        record.buffer().getBytes(record.offset(), copy);
        return copy;
    }

    private static void copy(final List<byte[]> records, final int count, final RecordJournal to)
    {
        for (int i = 0; i < count; i++)
        {
            to.append(new UnsafeBuffer(records.get(i)), 0);
        }
        to.commit();
    }

    private static List<byte[]> read(final Path journal, final boolean results)
    {
        try (Journal readOnly = Journal.openReadOnly(journal, new JournalConfig());
            JournalReader reader = (results ? readOnly.results() : readOnly.inputs()).reader())
        {
            final int length = results ? ResultRecord.LENGTH : InputEvent.LENGTH;
            final List<byte[]> records = new ArrayList<>();
            while (reader.poll((buffer, offset, position) ->
            {
                final byte[] record = new byte[length];
                buffer.getBytes(offset, record);
                records.add(record);
            }, 4096) > 0)
            {
                // the handler collects
            }
            return records;
        }
    }

    private static Engine launch(final Path journal, final List<byte[]> published)
    {
        return Engine.launch(new EngineContext().registry(bundle.registry()).journalDir(journal)
            .listener(record -> published.add(bytes(record))));
    }
}

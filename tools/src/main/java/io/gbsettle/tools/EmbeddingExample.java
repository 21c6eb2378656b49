package io.gbsettle.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.EventType;
import io.gbsettle.core.event.ResultRecord;
import io.gbsettle.core.event.ResultType;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;

/**
 * Embedding the engine in a host application, in a few lines: a context, a listener, records submitted one by one,
 * a settlement run. Run it with {@code java -cp tools/target/bsc.jar io.gbsettle.tools.EmbeddingExample [JOURNAL]}.
 */
public final class EmbeddingExample
{
    private EmbeddingExample()
    {
    }

    /**
     * @param args optionally a journal directory (without one the engine runs in memory).
     * @throws Exception if the engine fails or times out.
     */
    public static void main(final String[] args) throws Exception
    {
        run(args.length > 0 ? Path.of(args[0]) : null, System.out);
    }

    static void run(final Path journal, final PrintStream out) throws Exception
    {
        final MarketRegistry registry = SyntheticRegistry.generate(1, SyntheticRegistry.Size.SMALL);
        final LocalDate date = LocalDate.of(2025, 6, 10);
        final long day = date.toEpochDay();
        final long start = new SettlementCalendar(date, date).periodStartEpochSecond(day, 1);

        try (Engine engine = Engine.launch(new EngineContext()
            .registry(registry)
            .journalDir(journal)
            .listener(record -> print(record, out))))
        {
            final int source = EventSource.FIRST_HOST;
            final int unit = 0;
            engine.submitPn(source, 1, day, unit, start, 100, start + 3600, 100);
            engine.submitBod(source, 2, day, unit, 1, start, 50, start + 3600, 50, 80.0, 70.0);
            engine.submitAcceptance(source, 3, day, unit, 1001, start - 600, start, 100, start + 1800, 140, 0);
            engine.submitPeriodValue(EventType.MARKET_INDEX, source, 4, day, 1, 1, 62.5, 500, 0);
            for (int period = 1; period <= 48; period++)
            {
                for (int bmUnit = 0; bmUnit < registry.bmUnitCount(); bmUnit++)
                {
                    engine.submitMetered(source, 1000L * period + bmUnit, day, period, bmUnit,
                        bmUnit % 2 == 0 ? 50 : -50);
                }
            }
            final long run = engine.triggerRun(source, 99, day, SettlementRun.SF);
            engine.awaitProcessed(run, 30, TimeUnit.SECONDS);
        }
    }

    private static void print(final ResultRecord record, final PrintStream out)
    {
        final int type = record.type();
        if (type == ResultType.INDICATIVE_PRICE || type == ResultType.RUN_START || type == ResultType.RUN_END ||
            type == ResultType.PERIOD && record.period() == 1)
        {
            out.println(record);
        }
    }
}

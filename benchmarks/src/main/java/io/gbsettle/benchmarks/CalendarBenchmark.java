package io.gbsettle.benchmarks;

import java.util.concurrent.TimeUnit;

import io.gbsettle.core.files.CalendarFiles;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.RunSchedule;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import io.gbsettle.core.time.WorkingDays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settlement calendar's hot-path lookups, which every event and every period calculation makes: instant to
 * (settlement day, period), period to UTC start, working days and run dates. Each walks a spread of days so that
 * the branch predictor and caches see clock-change days too. Expect a few nanoseconds and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CalendarBenchmark
{
    private static final int DAYS = 4096;

    private SettlementCalendar calendar;
    private WorkingDays workingDays;
    private RunSchedule runs;
    private long firstDay;
    private long firstSecond;
    private int i;

    /**
     * Builds the default calendar (bundled bank holidays, default run offsets).
     */
    @Setup
    public void setUp()
    {
        final CalendarContext context = CalendarFiles.defaults();
        calendar = context.settlementCalendar();
        workingDays = context.workingDays();
        runs = context.runSchedule();
        firstDay = java.time.LocalDate.of(2020, 1, 1).toEpochDay();
        firstSecond = calendar.dayStartEpochSecond(firstDay);
    }

    /**
     * @return the packed (settlement day, period) of an instant: what the ring does for every timestamped event.
     */
    @Benchmark
    public long instantToPeriod()
    {
        i = (i + 1) & (DAYS - 1);
        return calendar.packedPeriodOf(firstSecond + i * 86_413L);
    }

    /**
     * @return the UTC start of the last period of a day.
     */
    @Benchmark
    public long periodToInstant()
    {
        i = (i + 1) & (DAYS - 1);
        final long day = firstDay + i;
        return calendar.periodStartEpochSecond(day, calendar.periodsIn(day));
    }

    /**
     * @return the SF run date of a settlement day (16 working days later).
     */
    @Benchmark
    public long runDate()
    {
        i = (i + 1) & (DAYS - 1);
        return runs.runEpochDay(firstDay + i, SettlementRun.SF);
    }

    /**
     * @return whether a day is a working day.
     */
    @Benchmark
    public boolean isWorkingDay()
    {
        i = (i + 1) & (DAYS - 1);
        return workingDays.isWorkingDay(firstDay + i);
    }
}

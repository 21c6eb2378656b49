package io.gbsettle.core.time;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything time-related the engine needs, built once and shared: the {@link SettlementCalendar} (days and periods),
 * the {@link WorkingDays} (weekends and bank holidays) and the {@link RunSchedule} (when each run happens).
 *
 * <pre>
 *   BankHolidays (rules + one-off changes) ──► WorkingDays ──► RunSchedule (offsets + exact SAA dates)
 *   SettlementCalendar (Europe/London zone rules)
 * </pre>
 *
 * <p>Build one with {@link #builder()}. The usual entry points are in {@code io.gbsettle.core.files.CalendarFiles}:
 * {@code defaults()} (the bundled one-off bank holiday changes, default offsets) and {@code load(dir)} (the same
 * with a directory's override files on top); this package does no I/O, so the bundled resource is read there.
 * Instances are immutable and safe to share between threads.
 */
public final class CalendarContext
{
    private final SettlementCalendar settlementCalendar;
    private final WorkingDays workingDays;
    private final RunSchedule runSchedule;

    private CalendarContext(
        final SettlementCalendar settlementCalendar, final WorkingDays workingDays, final RunSchedule runSchedule)
    {
        this.settlementCalendar = settlementCalendar;
        this.workingDays = workingDays;
        this.runSchedule = runSchedule;
    }

    /**
     * @return a builder with rule-only bank holidays, default offsets and no exact run calendar.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return Settlement Days and Periods.
     */
    public SettlementCalendar settlementCalendar()
    {
        return settlementCalendar;
    }

    /**
     * @return working days.
     */
    public WorkingDays workingDays()
    {
        return workingDays;
    }

    /**
     * @return the bank holidays the working days exclude.
     */
    public BankHolidays bankHolidays()
    {
        return workingDays.bankHolidays();
    }

    /**
     * @return settlement run dates.
     */
    public RunSchedule runSchedule()
    {
        return runSchedule;
    }

    /**
     * Collects the data a {@link CalendarContext} is built from; {@link #build()} validates it all and builds the
     * tables. Not thread-safe; the context it builds is.
     */
    public static final class Builder
    {
        private SettlementCalendar settlementCalendar;
        private final List<BankHolidayChange> bankHolidayChanges = new ArrayList<>();
        private final Map<SettlementRun, RunOffset> runOffsets = new EnumMap<>(SettlementRun.class);
        private final List<RunCalendarEntry> runCalendar = new ArrayList<>();

        private Builder()
        {
        }

        /**
         * Shares an already built settlement calendar (its tables take a few milliseconds to build); by default a
         * new one over the default range is built.
         *
         * @param settlementCalendar the calendar to use.
         * @return this.
         */
        public Builder settlementCalendar(final SettlementCalendar settlementCalendar)
        {
            this.settlementCalendar = settlementCalendar;
            return this;
        }

        /**
         * Appends one-off bank holiday changes; they apply in the order added, a later change to a date winning.
         *
         * @param changes the changes.
         * @return this.
         */
        public Builder bankHolidayChanges(final List<BankHolidayChange> changes)
        {
            bankHolidayChanges.addAll(changes);
            return this;
        }

        /**
         * Overrides one run's offset.
         *
         * @param run    the run.
         * @param offset its offset.
         * @return this.
         */
        public Builder runOffset(final SettlementRun run, final RunOffset offset)
        {
            runOffsets.put(run, offset);
            return this;
        }

        /**
         * Overrides several runs' offsets.
         *
         * @param offsets offsets by run.
         * @return this.
         */
        public Builder runOffsets(final Map<SettlementRun, RunOffset> offsets)
        {
            runOffsets.putAll(offsets);
            return this;
        }

        /**
         * Appends exact run dates from the SAA Settlement Calendar.
         *
         * @param entries the entries.
         * @return this.
         */
        public Builder runCalendar(final List<RunCalendarEntry> entries)
        {
            runCalendar.addAll(entries);
            return this;
        }

        /**
         * @return the context.
         * @throws IllegalArgumentException if the run calendar is inconsistent (see {@link RunSchedule}).
         */
        public CalendarContext build()
        {
            final SettlementCalendar calendar =
                settlementCalendar != null ? settlementCalendar : new SettlementCalendar();
            final WorkingDays workingDays = new WorkingDays(BankHolidays.withChanges(bankHolidayChanges));
            final RunSchedule runSchedule = new RunSchedule(workingDays, runOffsets, runCalendar);
            return new CalendarContext(calendar, workingDays, runSchedule);
        }
    }
}

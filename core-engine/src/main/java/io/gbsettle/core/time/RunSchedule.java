package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;

/**
 * When each settlement run of each Settlement Day happens, and which runs fall due on a given day.
 *
 * <p>A run's date is, in order of precedence:
 * <ol>
 *     <li>the exact date from the SAA Settlement Calendar ({@link RunCalendarEntry}), when one is given for that
 *     (day, run);</li>
 *     <li>otherwise the run's {@link RunOffset} rule: {@code n} working days after the Settlement Day, or the same
 *     day of the month {@code n} months later (clamped to the month's end) rolled forward to a working day.</li>
 * </ol>
 * Offsets default to {@link SettlementRun#defaultOffset()}.
 *
 * <p>Both rules give a run date that never decreases as the Settlement Day increases, so the Settlement Days due on
 * a date form one contiguous block per run; {@link #dueOn(LocalDate)} finds it by binary search, then adds and
 * removes the exact-calendar entries. Several Settlement Days usually fall due together (a Friday, Saturday and
 * Sunday share their II date); a non-working day has none unless an exact entry says so.
 *
 * <p>{@link #runEpochDay(long, SettlementRun)} is allocation-free. Instances are immutable and safe to share.
 */
public final class RunSchedule
{
    private static final long MISSING = Long.MIN_VALUE;
    private static final int EXACT_MAP_INITIAL_CAPACITY = 64;
    private static final float EXACT_MAP_LOAD_FACTOR = 0.65f;

    private final WorkingDays workingDays;
    private final RunOffset[] offsets = new RunOffset[SettlementRun.COUNT];
    /** Key {@code settlementEpochDay * COUNT + run.ordinal()}, value the run's epoch day. */
    private final Long2LongHashMap exactRunDays;
    private final List<RunCalendarEntry> calendarEntries;
    private final Map<LocalDate, List<RunDue>> exactDueByRunDate = new HashMap<>();

    /**
     * @param workingDays     the working days run dates are counted in.
     * @param offsetOverrides offsets replacing the defaults for some runs (may be empty).
     * @param calendarEntries exact run dates that take precedence over the offsets (may be empty).
     * @throws IllegalArgumentException if an entry is outside the working-day range or two entries give different
     *                                  dates for the same (day, run); identical repeats are accepted.
     */
    public RunSchedule(
        final WorkingDays workingDays,
        final Map<SettlementRun, RunOffset> offsetOverrides,
        final List<RunCalendarEntry> calendarEntries)
    {
        this.workingDays = workingDays;
        for (final SettlementRun run : SettlementRun.values())
        {
            final RunOffset override = offsetOverrides.get(run);
            offsets[run.ordinal()] = override != null ? override : run.defaultOffset();
        }

        exactRunDays = new Long2LongHashMap(
            Math.max(EXACT_MAP_INITIAL_CAPACITY, calendarEntries.size() * 2), EXACT_MAP_LOAD_FACTOR, MISSING);
        final List<RunCalendarEntry> kept = new ArrayList<>(calendarEntries.size());
        for (final RunCalendarEntry entry : calendarEntries)
        {
            final long day = entry.settlementDay().toEpochDay();
            final long runDay = entry.runDate().toEpochDay();
            if (!workingDays.isInRange(day) || !workingDays.isInRange(runDay))
            {
                throw new IllegalArgumentException(entry.run() + " of " + entry.settlementDay() + " on " +
                    entry.runDate() + " is outside the range " + workingDays.firstDay() + ".." + workingDays.lastDay());
            }
            final long previous = exactRunDays.get(key(day, entry.run()));
            if (previous == MISSING)
            {
                exactRunDays.put(key(day, entry.run()), runDay);
                kept.add(entry);
                exactDueByRunDate.computeIfAbsent(entry.runDate(), (date) -> new ArrayList<>())
                    .add(new RunDue(entry.settlementDay(), entry.run()));
            }
            else if (previous != runDay)
            {
                throw new IllegalArgumentException(entry.run() + " of " + entry.settlementDay() + " is given two run " +
                    "dates: " + LocalDate.ofEpochDay(previous) + " and " + entry.runDate());
            }
        }
        this.calendarEntries = Collections.unmodifiableList(kept);
    }

    /**
     * The default offsets and no exact calendar.
     *
     * @param workingDays the working days run dates are counted in.
     * @return the schedule.
     */
    public static RunSchedule defaults(final WorkingDays workingDays)
    {
        return new RunSchedule(workingDays, Map.of(), List.of());
    }

    /**
     * The day a run of a Settlement Day happens. Allocation-free.
     *
     * @param settlementEpochDay the Settlement Day as an epoch day.
     * @param run                the run.
     * @return the run date as an epoch day.
     * @throws IllegalArgumentException if the day or the run date is outside the working-day range.
     */
    public long runEpochDay(final long settlementEpochDay, final SettlementRun run)
    {
        final long exact = exactRunDays.get(key(settlementEpochDay, run));
        if (MISSING != exact)
        {
            return exact;
        }
        final long ruleDay = ruleRunDayOrBeyond(settlementEpochDay, run);
        if (WorkingDays.BEYOND_RANGE == ruleDay)
        {
            throw new IllegalArgumentException(run + " of " + LocalDate.ofEpochDay(settlementEpochDay) + " (" +
                offsets[run.ordinal()] + ") falls after the working-day range, which ends " + workingDays.lastDay());
        }
        return ruleDay;
    }

    /**
     * Object form of {@link #runEpochDay(long, SettlementRun)} for tools; not for hot paths.
     *
     * @param settlementDay the Settlement Day.
     * @param run           the run.
     * @return the run date.
     */
    public LocalDate runDate(final LocalDate settlementDay, final SettlementRun run)
    {
        return LocalDate.ofEpochDay(runEpochDay(settlementDay.toEpochDay(), run));
    }

    /**
     * Every (Settlement Day, run) whose run date is the given date: the work a run-date's batch has to do.
     *
     * @param runDate the day the runs happen.
     * @return the runs due, ordered by run ({@link SettlementRun} order), then Settlement Day.
     * @throws IllegalArgumentException if the date is outside the working-day range.
     */
    public List<RunDue> dueOn(final LocalDate runDate)
    {
        final long target = runDate.toEpochDay();
        if (!workingDays.isInRange(target))
        {
            throw new IllegalArgumentException("run date " + runDate + " is outside the working-day range " +
                workingDays.firstDay() + ".." + workingDays.lastDay());
        }
        final List<RunDue> exactDue = exactDueByRunDate.getOrDefault(runDate, List.of());
        final List<RunDue> due = new ArrayList<>();
        final List<RunDue> forRun = new ArrayList<>();
        for (final SettlementRun run : SettlementRun.values())
        {
            forRun.clear();
            // Offsets are never negative, so a run's date is never before its day: candidates are days <= target.
            long low = workingDays.firstEpochDay();
            long high = target;
            while (low < high)
            {
                final long mid = (low + high) >>> 1;
                if (ruleRunDayOrBeyond(mid, run) >= target)
                {
                    high = mid;
                }
                else
                {
                    low = mid + 1;
                }
            }
            for (long day = low; day <= target && ruleRunDayOrBeyond(day, run) == target; day++)
            {
                if (MISSING == exactRunDays.get(key(day, run)))
                {
                    forRun.add(new RunDue(LocalDate.ofEpochDay(day), run));
                }
            }
            for (final RunDue exact : exactDue)
            {
                if (exact.run() == run)
                {
                    forRun.add(exact);
                }
            }
            forRun.sort(Comparator.comparing(RunDue::settlementDay));
            due.addAll(forRun);
        }
        return Collections.unmodifiableList(due);
    }

    /**
     * @param settlementEpochDay the Settlement Day as an epoch day.
     * @param run                the run.
     * @return true if the run's date comes from the exact calendar rather than the offset rule. Allocation-free.
     */
    public boolean isExact(final long settlementEpochDay, final SettlementRun run)
    {
        return MISSING != exactRunDays.get(key(settlementEpochDay, run));
    }

    /**
     * @param run a run.
     * @return the offset its rule uses.
     */
    public RunOffset offset(final SettlementRun run)
    {
        return offsets[run.ordinal()];
    }

    /**
     * @return every run's offset, in run order.
     */
    public Map<SettlementRun, RunOffset> offsets()
    {
        final Map<SettlementRun, RunOffset> map = new EnumMap<>(SettlementRun.class);
        for (final SettlementRun run : SettlementRun.values())
        {
            map.put(run, offsets[run.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * @return the exact calendar entries in use (repeats removed), in the order given.
     */
    public List<RunCalendarEntry> calendarEntries()
    {
        return calendarEntries;
    }

    /**
     * @return the working days run dates are counted in.
     */
    public WorkingDays workingDays()
    {
        return workingDays;
    }

    private long ruleRunDayOrBeyond(final long settlementEpochDay, final SettlementRun run)
    {
        final RunOffset offset = offsets[run.ordinal()];
        if (OffsetUnit.WORKING_DAYS == offset.unit())
        {
            return workingDays.addWorkingDaysOrBeyond(settlementEpochDay, offset.amount());
        }
        workingDays.requireInRange(settlementEpochDay);
        final long sameDayLater = EpochDays.plusMonthsClamped(settlementEpochDay, offset.amount());
        return sameDayLater > workingDays.lastEpochDay() ?
            WorkingDays.BEYOND_RANGE : workingDays.addWorkingDaysOrBeyond(sameDayLater, 0);
    }

    private static long key(final long settlementEpochDay, final SettlementRun run)
    {
        return settlementEpochDay * SettlementRun.COUNT + run.ordinal();
    }
}

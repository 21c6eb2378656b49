package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * BSC Working Days: every day that is neither a Saturday, a Sunday nor an England and Wales bank holiday. Answers
 * "is this a working day", "n working days after" and "how many working days between" from two primitive tables
 * built once over a range of days, so the epoch-day methods are allocation-free.
 *
 * <pre>
 *   day index i           0    1    2    3    4    5    6 ...
 *   working?              y    y    n    n    y    y    y
 *   workingBefore[i]      0    1    2    2    2    3    4      (working days in [first, first + i))
 *   workingEpochDays[k]   d0   d1   d4   d5   d6 ...           (the k-th working day)
 * </pre>
 *
 * <p>The default range runs from {@link SettlementCalendar#FIRST_SUPPORTED_DAY} to {@link #DEFAULT_LAST_DAY}, ten
 * years past the last supported Settlement Day so that every run date of every supported day (DF at 28 months, or
 * the largest offset {@link RunOffset} accepts) is inside it. Instances are immutable and safe to share.
 */
public final class WorkingDays
{
    /** Last day of the default range: {@link SettlementCalendar#LAST_SUPPORTED_DAY} plus ten years of run dates. */
    public static final LocalDate DEFAULT_LAST_DAY = LocalDate.of(2110, 12, 31);

    /** Returned by the internal look-ups when a result would fall after the range. */
    static final long BEYOND_RANGE = Long.MAX_VALUE;

    private final BankHolidays bankHolidays;
    private final long firstEpochDay;
    private final long lastEpochDay;
    private final int[] workingBefore;
    private final int[] workingEpochDays;

    /**
     * Working days over the default range.
     *
     * @param bankHolidays the bank holidays to exclude.
     */
    public WorkingDays(final BankHolidays bankHolidays)
    {
        this(bankHolidays, SettlementCalendar.FIRST_SUPPORTED_DAY, DEFAULT_LAST_DAY);
    }

    /**
     * Working days over a chosen range (both ends included).
     *
     * @param bankHolidays the bank holidays to exclude.
     * @param firstDay     first day of the range.
     * @param lastDay      last day of the range, not before {@code firstDay}.
     */
    public WorkingDays(final BankHolidays bankHolidays, final LocalDate firstDay, final LocalDate lastDay)
    {
        if (lastDay.isBefore(firstDay))
        {
            throw new IllegalArgumentException("empty working-day range " + firstDay + ".." + lastDay);
        }
        this.bankHolidays = bankHolidays;
        firstEpochDay = firstDay.toEpochDay();
        lastEpochDay = lastDay.toEpochDay();
        final int days = (int)(lastEpochDay - firstEpochDay + 1);

        final boolean[] holiday = new boolean[days];
        for (int year = firstDay.getYear(); year <= lastDay.getYear(); year++)
        {
            for (final BankHoliday bankHoliday : bankHolidays.holidaysIn(year))
            {
                final long epochDay = bankHoliday.date().toEpochDay();
                if (epochDay >= firstEpochDay && epochDay <= lastEpochDay)
                {
                    holiday[(int)(epochDay - firstEpochDay)] = true;
                }
            }
        }

        workingBefore = new int[days + 1];
        final int[] working = new int[days];
        int count = 0;
        for (int i = 0; i < days; i++)
        {
            workingBefore[i] = count;
            final long epochDay = firstEpochDay + i;
            if (!holiday[i] && !EpochDays.isWeekend(epochDay))
            {
                working[count++] = (int)epochDay;
            }
        }
        workingBefore[days] = count;
        workingEpochDays = Arrays.copyOf(working, count);
    }

    /**
     * Hot path: allocation-free.
     *
     * @param epochDay a day as an epoch day.
     * @return true if it is a working day.
     * @throws IllegalArgumentException if the day is outside the range.
     */
    public boolean isWorkingDay(final long epochDay)
    {
        final int index = index(epochDay);
        return workingBefore[index + 1] != workingBefore[index];
    }

    /**
     * The working day {@code n} working days after a day, or before it when {@code n} is negative. The day itself
     * need not be a working day: 5 working days after a Saturday is the Friday after next Monday (if no bank
     * holiday intervenes). With {@code n == 0} it is the day itself if a working day, else the next one.
     * Allocation-free.
     *
     * @param epochDay the day as an epoch day.
     * @param n        working days to move.
     * @return the resulting working day as an epoch day.
     * @throws IllegalArgumentException if the day or the result is outside the range.
     */
    public long addWorkingDays(final long epochDay, final int n)
    {
        final long result = addWorkingDaysOrBeyond(epochDay, n);
        if (result == BEYOND_RANGE)
        {
            throw new IllegalArgumentException(n + " working days from " + LocalDate.ofEpochDay(epochDay) +
                " falls outside the working-day range " + firstDay() + ".." + lastDay());
        }
        return result;
    }

    /**
     * The day itself if it is a working day, else the next working day (roll forward). Allocation-free.
     *
     * @param epochDay the day as an epoch day.
     * @return the working day as an epoch day.
     * @throws IllegalArgumentException if the day or the result is outside the range.
     */
    public long nextWorkingDayOnOrAfter(final long epochDay)
    {
        return addWorkingDays(epochDay, 0);
    }

    /**
     * The number of working days {@code d} with {@code from < d <= to}; negative when {@code to < from}. The inverse
     * of {@link #addWorkingDays(long, int)}: {@code workingDaysBetween(d, addWorkingDays(d, n)) == n} for
     * {@code n > 0}. Allocation-free.
     *
     * @param fromEpochDay the start, excluded.
     * @param toEpochDay   the end, included.
     * @return the count of working days in between.
     * @throws IllegalArgumentException if either day is outside the range.
     */
    public int workingDaysBetween(final long fromEpochDay, final long toEpochDay)
    {
        return workingBefore[index(toEpochDay) + 1] - workingBefore[index(fromEpochDay) + 1];
    }

    /**
     * Object form of {@link #isWorkingDay(long)} for tools; not for hot paths.
     *
     * @param day a day.
     * @return true if it is a working day.
     */
    public boolean isWorkingDay(final LocalDate day)
    {
        return isWorkingDay(day.toEpochDay());
    }

    /**
     * Object form of {@link #addWorkingDays(long, int)} for tools; not for hot paths.
     *
     * @param day the day.
     * @param n   working days to move.
     * @return the resulting working day.
     */
    public LocalDate addWorkingDays(final LocalDate day, final int n)
    {
        return LocalDate.ofEpochDay(addWorkingDays(day.toEpochDay(), n));
    }

    /**
     * Object form of {@link #workingDaysBetween(long, long)} for tools; not for hot paths.
     *
     * @param from the start, excluded.
     * @param to   the end, included.
     * @return the count of working days in between.
     */
    public int workingDaysBetween(final LocalDate from, final LocalDate to)
    {
        return workingDaysBetween(from.toEpochDay(), to.toEpochDay());
    }

    /**
     * The bank holidays of a year, for tools and tests.
     *
     * @param year the year.
     * @return the holidays in date order.
     */
    public List<BankHoliday> holidaysIn(final int year)
    {
        return bankHolidays.holidaysIn(year);
    }

    /**
     * @return the bank holidays this table was built from.
     */
    public BankHolidays bankHolidays()
    {
        return bankHolidays;
    }

    /**
     * @return the first day of the range as an epoch day.
     */
    public long firstEpochDay()
    {
        return firstEpochDay;
    }

    /**
     * @return the last day of the range as an epoch day.
     */
    public long lastEpochDay()
    {
        return lastEpochDay;
    }

    /**
     * @return the first day of the range.
     */
    public LocalDate firstDay()
    {
        return LocalDate.ofEpochDay(firstEpochDay);
    }

    /**
     * @return the last day of the range.
     */
    public LocalDate lastDay()
    {
        return LocalDate.ofEpochDay(lastEpochDay);
    }

    /**
     * @param epochDay a day as an epoch day.
     * @return true if it is within the range.
     */
    public boolean isInRange(final long epochDay)
    {
        return epochDay >= firstEpochDay && epochDay <= lastEpochDay;
    }

    long addWorkingDaysOrBeyond(final long epochDay, final int n)
    {
        final int index = index(epochDay);
        // n > 0: count from the working days up to and including the day; n <= 0: from those strictly before it.
        final long ordinal = n > 0 ? (long)workingBefore[index + 1] + n - 1 : (long)workingBefore[index] + n;
        if (ordinal < 0)
        {
            throw new IllegalArgumentException(n + " working days from " + LocalDate.ofEpochDay(epochDay) +
                " falls before the working-day range " + firstDay() + ".." + lastDay());
        }
        return ordinal < workingEpochDays.length ? workingEpochDays[(int)ordinal] : BEYOND_RANGE;
    }

    void requireInRange(final long epochDay)
    {
        index(epochDay);
    }

    private int index(final long epochDay)
    {
        if (epochDay < firstEpochDay || epochDay > lastEpochDay)
        {
            throw new IllegalArgumentException("day " + SettlementCalendar.describeEpochDay(epochDay) +
                " is outside the working-day range " + firstDay() + ".." + lastDay());
        }
        return (int)(epochDay - firstEpochDay);
    }
}

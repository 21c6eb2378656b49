package io.gbsettle.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Settlement Days and Settlement Periods: maps (day, period) to UTC instants and back without allocating.
 *
 * <p>A Settlement Day is a local Europe/London calendar day. Its Settlement Periods are the consecutive half hours of
 * elapsed time from local midnight, numbered from 1: 48 on an ordinary day, 46 on the day the clocks go forward and
 * 50 on the day they go back (BSC; IPG §2). Period {@code j} of a day therefore starts at
 * {@code localMidnightUtc + (j - 1) * 30 min}, whatever the clocks did during the day.
 *
 * <pre>
 *   2025-10-26 (50 periods)  local  00:00 00:30 01:00 01:30 01:00 01:30 02:00 ...  23:30
 *                            period   1     2     3     4     5     6     7   ...   50
 *                            UTC    23:00 23:30 00:00 00:30 01:00 01:30 02:00 ...  23:30   (23:00 is the 25th)
 * </pre>
 *
 * <p>Everything is computed once, at construction, from java.time's {@link ZoneRules} for Europe/London into
 * primitive tables over a supported range of days: the UTC epoch second of each local midnight, the period count,
 * and the one UTC-offset change a day may hold. Methods taking epoch days ({@code long}) and epoch seconds
 * ({@code long}) are the hot path: table look-ups, no allocation, no boxing (only an out-of-range argument allocates,
 * to throw). Methods taking or returning {@link LocalDate}, {@link Instant} or {@link ZonedDateTime} are for tools
 * and tests and allocate; do not call them per period.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SettlementCalendar
{
    /** The zone Settlement Days are defined in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** First Settlement Day of the default supported range. */
    public static final LocalDate FIRST_SUPPORTED_DAY = LocalDate.of(1990, 1, 1);
    /** Last Settlement Day of the default supported range. */
    public static final LocalDate LAST_SUPPORTED_DAY = LocalDate.of(2100, 12, 31);
    /** Length of a Settlement Period in seconds. */
    public static final int PERIOD_SECONDS = 30 * 60;
    /** Periods on an ordinary day. */
    public static final int STANDARD_DAY_PERIODS = 48;
    /** Periods on the day the clocks go forward (an hour short). */
    public static final int SHORT_DAY_PERIODS = 46;
    /** Periods on the day the clocks go back (an hour long); the most a day can have. */
    public static final int LONG_DAY_PERIODS = 50;
    /** Bits of a packed settlement period ({@link #pack(long, int)}) that hold the period number. */
    public static final int PACKED_PERIOD_BITS = 8;

    private static final long PACKED_PERIOD_MASK = (1L << PACKED_PERIOD_BITS) - 1;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int NO_TRANSITION = Integer.MAX_VALUE;

    private final long firstEpochDay;
    private final long lastEpochDay;
    /** UTC epoch second of local midnight starting day i; one more entry than days (the end of the last day). */
    private final long[] midnightEpochSeconds;
    private final byte[] periodCounts;
    /** Seconds after local midnight at which the UTC offset changes, or {@link #NO_TRANSITION}. */
    private final int[] transitionElapsedSeconds;
    /** Change of the UTC offset at that transition in seconds: +3600 when clocks go forward, -3600 back. */
    private final int[] transitionShiftSeconds;

    /**
     * A calendar over the default supported range {@link #FIRST_SUPPORTED_DAY} to {@link #LAST_SUPPORTED_DAY}.
     */
    public SettlementCalendar()
    {
        this(FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY);
    }

    /**
     * A calendar over a chosen range of Settlement Days (both ends included).
     *
     * @param firstDay first supported Settlement Day.
     * @param lastDay  last supported Settlement Day, not before {@code firstDay}.
     * @throws IllegalArgumentException if the range is empty.
     * @throws IllegalStateException    if the time-zone data gives a day that is not whole half hours long or holds
     *                                  more than one clock change (never the case for Europe/London).
     */
    public SettlementCalendar(final LocalDate firstDay, final LocalDate lastDay)
    {
        if (lastDay.isBefore(firstDay))
        {
            throw new IllegalArgumentException("empty settlement calendar range " + firstDay + ".." + lastDay);
        }
        firstEpochDay = firstDay.toEpochDay();
        lastEpochDay = lastDay.toEpochDay();
        final int days = (int)(lastEpochDay - firstEpochDay + 1);
        midnightEpochSeconds = new long[days + 1];
        periodCounts = new byte[days];
        transitionElapsedSeconds = new int[days];
        transitionShiftSeconds = new int[days];

        final ZoneRules rules = ZONE.getRules();
        for (int i = 0; i <= days; i++)
        {
            midnightEpochSeconds[i] = LocalDate.ofEpochDay(firstEpochDay + i).atStartOfDay(ZONE).toEpochSecond();
        }
        for (int i = 0; i < days; i++)
        {
            fillDay(rules, i);
        }
    }

    /**
     * Number of Settlement Periods in a Settlement Day. Hot path: allocation-free.
     *
     * @param epochDay the Settlement Day as an epoch day.
     * @return 46, 48 or 50.
     * @throws IllegalArgumentException if the day is outside the supported range.
     */
    public int periodsIn(final long epochDay)
    {
        return periodCounts[index(epochDay)];
    }

    /**
     * UTC start of a Settlement Period. Hot path: allocation-free.
     *
     * @param epochDay the Settlement Day as an epoch day.
     * @param period   1 to {@link #periodsIn(long)}.
     * @return the epoch second the period starts at (inclusive).
     * @throws IllegalArgumentException if the day is outside the supported range or the period is not in the day.
     */
    public long periodStartEpochSecond(final long epochDay, final int period)
    {
        final int index = index(epochDay);
        final int count = periodCounts[index];
        if (period < 1 || period > count)
        {
            throw periodOutOfRange(epochDay, period, count);
        }
        return midnightEpochSeconds[index] + (long)(period - 1) * PERIOD_SECONDS;
    }

    /**
     * UTC end of a Settlement Period, which is the start of the next one. Hot path: allocation-free.
     *
     * @param epochDay the Settlement Day as an epoch day.
     * @param period   1 to {@link #periodsIn(long)}.
     * @return the epoch second the period ends at (exclusive).
     * @throws IllegalArgumentException if the day is outside the supported range or the period is not in the day.
     */
    public long periodEndEpochSecond(final long epochDay, final int period)
    {
        return periodStartEpochSecond(epochDay, period) + PERIOD_SECONDS;
    }

    /**
     * The Settlement Day an instant falls in. Hot path: allocation-free.
     *
     * @param epochSecond a UTC instant.
     * @return the Settlement Day as an epoch day.
     * @throws IllegalArgumentException if the instant is outside the supported range.
     */
    public long settlementDayOf(final long epochSecond)
    {
        return firstEpochDay + dayIndexOf(epochSecond);
    }

    /**
     * The Settlement Period an instant falls in, within its Settlement Day ({@link #settlementDayOf(long)}).
     * Hot path: allocation-free.
     *
     * @param epochSecond a UTC instant.
     * @return the period number, 1 to 50.
     * @throws IllegalArgumentException if the instant is outside the supported range.
     */
    public int periodOf(final long epochSecond)
    {
        final int index = dayIndexOf(epochSecond);
        return (int)((epochSecond - midnightEpochSeconds[index]) / PERIOD_SECONDS) + 1;
    }

    /**
     * The Settlement Day and Period an instant falls in, in one look-up, packed as by {@link #pack(long, int)}.
     * Hot path: allocation-free.
     *
     * @param epochSecond a UTC instant.
     * @return the packed (day, period).
     * @throws IllegalArgumentException if the instant is outside the supported range.
     */
    public long packedPeriodOf(final long epochSecond)
    {
        final int index = dayIndexOf(epochSecond);
        final int period = (int)((epochSecond - midnightEpochSeconds[index]) / PERIOD_SECONDS) + 1;
        return pack(firstEpochDay + index, period);
    }

    /**
     * Packs a (Settlement Day, Settlement Period) into one {@code long}: the epoch day in the high bits, the period in
     * the low {@link #PACKED_PERIOD_BITS} bits. Packed values order as the periods do in time, so they can key maps
     * and sort. Not validated.
     *
     * @param epochDay the Settlement Day as an epoch day (non-negative in any supported range).
     * @param period   the period number.
     * @return {@code epochDay << 8 | period}.
     */
    public static long pack(final long epochDay, final int period)
    {
        return (epochDay << PACKED_PERIOD_BITS) | period;
    }

    /**
     * @param packed a value from {@link #pack(long, int)} or {@link #packedPeriodOf(long)}.
     * @return its Settlement Day as an epoch day.
     */
    public static long unpackEpochDay(final long packed)
    {
        return packed >> PACKED_PERIOD_BITS;
    }

    /**
     * @param packed a value from {@link #pack(long, int)} or {@link #packedPeriodOf(long)}.
     * @return its Settlement Period number.
     */
    public static int unpackPeriod(final long packed)
    {
        return (int)(packed & PACKED_PERIOD_MASK);
    }

    /**
     * Local (Europe/London wall-clock) start time of a period, in minutes after local midnight. Allocation-free.
     *
     * <p>On the day the clocks go back the hour 01:00-02:00 happens twice, so periods 3 and 4 (01:00 and 01:30 BST)
     * and periods 5 and 6 (01:00 and 01:30 GMT) have the same local start times; that is correct, and the reason the
     * period number, not the local time, identifies a period. On the day the clocks go forward local 01:00-02:00
     * does not exist: period 3 starts at 02:00 BST (120).
     *
     * @param epochDay the Settlement Day as an epoch day.
     * @param period   1 to {@link #periodsIn(long)}.
     * @return minutes after local midnight, 0 to 1410.
     * @throws IllegalArgumentException if the day is outside the supported range or the period is not in the day.
     */
    public int localStartMinuteOfDay(final long epochDay, final int period)
    {
        final int index = index(epochDay);
        final int count = periodCounts[index];
        if (period < 1 || period > count)
        {
            throw periodOutOfRange(epochDay, period, count);
        }
        final int elapsedSeconds = (period - 1) * PERIOD_SECONDS;
        final int shiftSeconds = elapsedSeconds >= transitionElapsedSeconds[index] ? transitionShiftSeconds[index] : 0;
        return (elapsedSeconds + shiftSeconds) / SECONDS_PER_MINUTE;
    }

    /**
     * UTC epoch second of the local midnight a Settlement Day starts at. Allocation-free.
     *
     * @param epochDay the Settlement Day as an epoch day.
     * @return the epoch second period 1 starts at.
     * @throws IllegalArgumentException if the day is outside the supported range.
     */
    public long dayStartEpochSecond(final long epochDay)
    {
        return midnightEpochSeconds[index(epochDay)];
    }

    /**
     * @return the first supported Settlement Day as an epoch day.
     */
    public long firstEpochDay()
    {
        return firstEpochDay;
    }

    /**
     * @return the last supported Settlement Day as an epoch day.
     */
    public long lastEpochDay()
    {
        return lastEpochDay;
    }

    /**
     * @return the first epoch second inside the supported range (the local midnight starting the first day).
     */
    public long firstEpochSecond()
    {
        return midnightEpochSeconds[0];
    }

    /**
     * @return the first epoch second after the supported range (the local midnight ending the last day).
     */
    public long endEpochSecond()
    {
        return midnightEpochSeconds[midnightEpochSeconds.length - 1];
    }

    /**
     * @return the first supported Settlement Day.
     */
    public LocalDate firstDay()
    {
        return LocalDate.ofEpochDay(firstEpochDay);
    }

    /**
     * @return the last supported Settlement Day.
     */
    public LocalDate lastDay()
    {
        return LocalDate.ofEpochDay(lastEpochDay);
    }

    /**
     * @param epochDay a day as an epoch day.
     * @return true if it is within the supported range.
     */
    public boolean isSupported(final long epochDay)
    {
        return epochDay >= firstEpochDay && epochDay <= lastEpochDay;
    }

    /**
     * Object form of {@link #periodsIn(long)} for tools; allocates, not for hot paths.
     *
     * @param day the Settlement Day.
     * @return 46, 48 or 50.
     */
    public int periodsIn(final LocalDate day)
    {
        return periodsIn(day.toEpochDay());
    }

    /**
     * Object form of {@link #periodStartEpochSecond(long, int)} for tools; allocates, not for hot paths.
     *
     * @param day    the Settlement Day.
     * @param period 1 to {@link #periodsIn(LocalDate)}.
     * @return the instant the period starts at.
     */
    public Instant periodStart(final LocalDate day, final int period)
    {
        return Instant.ofEpochSecond(periodStartEpochSecond(day.toEpochDay(), period));
    }

    /**
     * Object form of {@link #periodEndEpochSecond(long, int)} for tools; allocates, not for hot paths.
     *
     * @param day    the Settlement Day.
     * @param period 1 to {@link #periodsIn(LocalDate)}.
     * @return the instant the period ends at (exclusive).
     */
    public Instant periodEnd(final LocalDate day, final int period)
    {
        return Instant.ofEpochSecond(periodEndEpochSecond(day.toEpochDay(), period));
    }

    /**
     * Start of a period for tools; allocates, not for hot paths.
     *
     * @param settlementPeriod the day and period.
     * @return the instant the period starts at.
     */
    public Instant periodStart(final SettlementPeriod settlementPeriod)
    {
        return periodStart(settlementPeriod.day(), settlementPeriod.period());
    }

    /**
     * Local start of a period with its UTC offset, which tells apart the repeated 01:00 and 01:30 on the day the
     * clocks go back. For tools; allocates, not for hot paths.
     *
     * @param day    the Settlement Day.
     * @param period 1 to {@link #periodsIn(LocalDate)}.
     * @return the start in Europe/London.
     */
    public ZonedDateTime zonedStart(final LocalDate day, final int period)
    {
        return ZonedDateTime.ofInstant(periodStart(day, period), ZONE);
    }

    /**
     * Local wall-clock start of a period (ambiguous on the day the clocks go back, see
     * {@link #localStartMinuteOfDay(long, int)}). For tools; allocates, not for hot paths.
     *
     * @param day    the Settlement Day.
     * @param period 1 to {@link #periodsIn(LocalDate)}.
     * @return the local start date and time.
     */
    public LocalDateTime localStart(final LocalDate day, final int period)
    {
        return zonedStart(day, period).toLocalDateTime();
    }

    /**
     * The Settlement Period an instant falls in, for tools; allocates, not for hot paths.
     *
     * @param instant a UTC instant (sub-second part ignored).
     * @return its Settlement Day and Period.
     */
    public SettlementPeriod settlementPeriodOf(final Instant instant)
    {
        final long packed = packedPeriodOf(instant.getEpochSecond());
        return new SettlementPeriod(LocalDate.ofEpochDay(unpackEpochDay(packed)), unpackPeriod(packed));
    }

    private int index(final long epochDay)
    {
        if (epochDay < firstEpochDay || epochDay > lastEpochDay)
        {
            throw dayOutOfRange(epochDay);
        }
        return (int)(epochDay - firstEpochDay);
    }

    private int dayIndexOf(final long epochSecond)
    {
        final long[] midnights = this.midnightEpochSeconds;
        final int lastIndex = midnights.length - 2;
        if (epochSecond < midnights[0] || epochSecond >= midnights[lastIndex + 1])
        {
            throw instantOutOfRange(epochSecond);
        }
        // Local midnight is within a few hours of UTC midnight, so the UTC day is at most one step away.
        final long utcDayIndex = Math.floorDiv(epochSecond, SECONDS_PER_DAY) - firstEpochDay;
        int index = (int)Math.max(0, Math.min(lastIndex, utcDayIndex));
        while (epochSecond < midnights[index])
        {
            index--;
        }
        while (epochSecond >= midnights[index + 1])
        {
            index++;
        }
        return index;
    }

    private void fillDay(final ZoneRules rules, final int index)
    {
        final long start = midnightEpochSeconds[index];
        final long end = midnightEpochSeconds[index + 1];
        final long length = end - start;
        final long count = length / PERIOD_SECONDS;
        if (length % PERIOD_SECONDS != 0 || count < 1 || count > LONG_DAY_PERIODS)
        {
            throw new IllegalStateException("settlement day " + LocalDate.ofEpochDay(firstEpochDay + index) +
                " is " + length + " s long; expected whole half hours, at most " + LONG_DAY_PERIODS);
        }
        periodCounts[index] = (byte)count;
        transitionElapsedSeconds[index] = NO_TRANSITION;

        final ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(start));
        if (transition != null && transition.toEpochSecond() < end)
        {
            final ZoneOffsetTransition next = rules.nextTransition(transition.getInstant());
            if (next != null && next.toEpochSecond() < end)
            {
                throw new IllegalStateException("settlement day " + LocalDate.ofEpochDay(firstEpochDay + index) +
                    " has more than one clock change");
            }
            transitionElapsedSeconds[index] = (int)(transition.toEpochSecond() - start);
            transitionShiftSeconds[index] =
                transition.getOffsetAfter().getTotalSeconds() - transition.getOffsetBefore().getTotalSeconds();
        }
    }

    private IllegalArgumentException dayOutOfRange(final long epochDay)
    {
        return new IllegalArgumentException("settlement day " + describeEpochDay(epochDay) +
            " is outside the supported range " + firstDay() + ".." + lastDay());
    }

    private IllegalArgumentException instantOutOfRange(final long epochSecond)
    {
        return new IllegalArgumentException("instant " + describeEpochSecond(epochSecond) +
            " is outside the supported range " + firstDay() + ".." + lastDay() + " (" +
            Instant.ofEpochSecond(firstEpochSecond()) + " inclusive to " + Instant.ofEpochSecond(endEpochSecond()) +
            " exclusive)");
    }

    static String describeEpochDay(final long epochDay)
    {
        return epochDay >= LocalDate.MIN.toEpochDay() && epochDay <= LocalDate.MAX.toEpochDay() ?
            LocalDate.ofEpochDay(epochDay).toString() : "epoch day " + epochDay;
    }

    private static String describeEpochSecond(final long epochSecond)
    {
        return epochSecond >= Instant.MIN.getEpochSecond() && epochSecond <= Instant.MAX.getEpochSecond() ?
            Instant.ofEpochSecond(epochSecond).toString() : "epoch second " + epochSecond;
    }

    private static IllegalArgumentException periodOutOfRange(final long epochDay, final int period, final int count)
    {
        return new IllegalArgumentException("settlement day " + LocalDate.ofEpochDay(epochDay) + " has periods 1.." +
            count + "; period " + period + " does not exist");
    }
}

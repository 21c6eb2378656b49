package io.gbsettle.core.time;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days ({@code 1970-01-01} is day 0) without objects, so that hot
 * paths can ask for a year, month or day of week, or add months, without allocating a {@code LocalDate}.
 *
 * <p>The conversions are Howard Hinnant's {@code days_from_civil} / {@code civil_from_days} algorithms; they agree
 * with {@link java.time.LocalDate#ofEpochDay(long)} for every year 1 to 9999 (the tests check every day 1900–2200).
 */
public final class EpochDays
{
    /** ISO day-of-week number of Monday. */
    public static final int MONDAY = 1;
    /** ISO day-of-week number of Saturday. */
    public static final int SATURDAY = 6;
    /** ISO day-of-week number of Sunday. */
    public static final int SUNDAY = 7;

    private static final int DAYS_PER_WEEK = 7;
    /** 1970-01-01 was a Thursday, ISO day 4: shift so that floorMod gives Monday = 0. */
    private static final int EPOCH_DAY_OF_WEEK_SHIFT = 3;
    /** Days from 0000-03-01 (the algorithm's origin, a year starting in March) to 1970-01-01. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468L;
    private static final long DAYS_PER_ERA = 146_097L;
    private static final int YEARS_PER_ERA = 400;
    private static final int MONTHS_PER_YEAR = 12;
    private static final int YYYYMMDD_YEAR = 10_000;
    private static final int YYYYMMDD_MONTH = 100;
    private static final int FEBRUARY = 2;
    private static final int LONG_FEBRUARY = 29;
    private static final int SHORT_FEBRUARY = 28;
    private static final int LONG_MONTH = 31;
    private static final int SHORT_MONTH = 30;

    private EpochDays()
    {
    }

    /**
     * @param year  proleptic year, 1 to 9999.
     * @param month 1 to 12.
     * @param day   1 to the length of the month (not checked).
     * @return the epoch day of that date.
     */
    public static long of(final int year, final int month, final int day)
    {
        final long y = month <= FEBRUARY ? year - 1L : year;
        final long era = Math.floorDiv(y, YEARS_PER_ERA);
        final long yearOfEra = y - era * YEARS_PER_ERA;
        final long marchBasedMonth = month > FEBRUARY ? month - 3 : month + 9;
        // 153 days per 5 months (31,30,31,30,31) in the March-based year; +2 rounds to the month's first day.
        final long dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }

    /**
     * The date as one decimal number, {@code 2025-10-26 -> 20251026}: the form journals and logs can carry as an
     * {@code int} and a person can still read.
     *
     * @param epochDay the day.
     * @return {@code year * 10000 + month * 100 + dayOfMonth}.
     */
    public static int yyyymmdd(final long epochDay)
    {
        final long z = epochDay + DAYS_0000_03_01_TO_EPOCH;
        final long era = Math.floorDiv(z, DAYS_PER_ERA);
        final long dayOfEra = z - era * DAYS_PER_ERA;
        // 1460, 36524 and 146096 are the days in 4, 100 and 400 years less one: the leap-day corrections.
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long marchBasedMonth = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1;
        final long month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9;
        final long year = yearOfEra + era * YEARS_PER_ERA + (month <= FEBRUARY ? 1 : 0);
        return (int)(year * YYYYMMDD_YEAR + month * YYYYMMDD_MONTH + day);
    }

    /**
     * @param epochDay the day.
     * @return its year.
     */
    public static int year(final long epochDay)
    {
        return yyyymmdd(epochDay) / YYYYMMDD_YEAR;
    }

    /**
     * The month of a day. Unlike {@link #yyyymmdd(long)}, which packs the year into an {@code int}, it is right for
     * every epoch day {@link java.time.LocalDate} accepts, years 0 and before included.
     *
     * @param epochDay the day.
     * @return its month, 1 to 12.
     */
    public static int month(final long epochDay)
    {
        final long z = epochDay + DAYS_0000_03_01_TO_EPOCH;
        final long dayOfEra = z - Math.floorDiv(z, DAYS_PER_ERA) * DAYS_PER_ERA;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long marchBasedMonth = (5 * dayOfYear + 2) / 153;
        return (int)(marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9);
    }

    /**
     * @param epochDay the day.
     * @return its day of the month, 1 to 31.
     */
    public static int dayOfMonth(final long epochDay)
    {
        return yyyymmdd(epochDay) % YYYYMMDD_MONTH;
    }

    /**
     * @param epochDay the day.
     * @return ISO day of week: {@link #MONDAY} = 1 to {@link #SUNDAY} = 7.
     */
    public static int dayOfWeek(final long epochDay)
    {
        return Math.floorMod(epochDay + EPOCH_DAY_OF_WEEK_SHIFT, DAYS_PER_WEEK) + 1;
    }

    /**
     * @param epochDay the day.
     * @return true on Saturdays and Sundays.
     */
    public static boolean isWeekend(final long epochDay)
    {
        return dayOfWeek(epochDay) >= SATURDAY;
    }

    /**
     * @param year the year.
     * @return true for Gregorian leap years.
     */
    public static boolean isLeapYear(final int year)
    {
        return (year % 4 == 0 && year % 100 != 0) || year % YEARS_PER_ERA == 0;
    }

    /**
     * @param year  the year.
     * @param month 1 to 12.
     * @return the number of days in that month.
     */
    public static int lengthOfMonth(final int year, final int month)
    {
        switch (month)
        {
            case FEBRUARY:
                return isLeapYear(year) ? LONG_FEBRUARY : SHORT_FEBRUARY;
            case 4:
            case 6:
            case 9:
            case 11:
                return SHORT_MONTH;
            default:
                return LONG_MONTH;
        }
    }

    /**
     * The same day of the month {@code months} later, clamped to the end of a shorter month ({@code 2024-01-31}
     * plus one month is {@code 2024-02-29}). Same result as {@link java.time.LocalDate#plusMonths(long)}.
     *
     * @param epochDay the day.
     * @param months   months to add; may be negative.
     * @return the epoch day of the result.
     */
    public static long plusMonthsClamped(final long epochDay, final int months)
    {
        final int ymd = yyyymmdd(epochDay);
        final int year = ymd / YYYYMMDD_YEAR;
        final int month = ymd / YYYYMMDD_MONTH % YYYYMMDD_MONTH;
        final int day = ymd % YYYYMMDD_MONTH;
        final long monthIndex = (long)year * MONTHS_PER_YEAR + (month - 1) + months;
        final int newYear = (int)Math.floorDiv(monthIndex, MONTHS_PER_YEAR);
        final int newMonth = Math.floorMod(monthIndex, MONTHS_PER_YEAR) + 1;
        return of(newYear, newMonth, Math.min(day, lengthOfMonth(newYear, newMonth)));
    }
}

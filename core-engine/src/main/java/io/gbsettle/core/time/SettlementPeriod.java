package io.gbsettle.core.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One Settlement Period named by its Settlement Day and period number, in the form people and files use:
 * {@code 2025-10-26/49}. An object for tools, files and tests; hot paths use epoch days and {@code int} periods.
 *
 * <p>Only the period's general bounds (1 to 50) are checked here; whether the day has that period (46 or 48
 * periods) is for {@link SettlementCalendar} to say.
 *
 * @param day    the Settlement Day (a local Europe/London date).
 * @param period the period number, 1 to {@link SettlementCalendar#LONG_DAY_PERIODS}.
 */
public record SettlementPeriod(LocalDate day, int period) implements Comparable<SettlementPeriod>
{
    /** Separates the day from the period in the text form. */
    public static final char SEPARATOR = '/';

    private static final String FORM = "YYYY-MM-DD/P";

    /**
     * Checks the period is 1 to 50 and the day is present.
     *
     * @param day    the Settlement Day.
     * @param period the period number.
     */
    public SettlementPeriod
    {
        if (day == null)
        {
            throw new IllegalArgumentException("settlement day is missing");
        }
        if (period < 1 || period > SettlementCalendar.LONG_DAY_PERIODS)
        {
            throw new IllegalArgumentException(
                "settlement period " + period + " of " + day + " is not in 1.." + SettlementCalendar.LONG_DAY_PERIODS);
        }
    }

    /**
     * Parses {@code YYYY-MM-DD/P}, for example {@code 2025-10-26/49}.
     *
     * @param text the text.
     * @return the settlement period.
     * @throws IllegalArgumentException naming the text and what is wrong when it is not of that form.
     */
    public static SettlementPeriod parse(final CharSequence text)
    {
        final String s = text.toString().trim();
        final int slash = s.indexOf(SEPARATOR);
        if (slash < 0)
        {
            throw new IllegalArgumentException("'" + s + "' is not a settlement period; expected " + FORM);
        }
        final LocalDate day;
        try
        {
            day = LocalDate.parse(s.substring(0, slash));
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("'" + s + "' is not a settlement period: bad date; expected " + FORM);
        }
        final int period;
        try
        {
            period = Integer.parseInt(s.substring(slash + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + s + "' is not a settlement period: bad period; expected " + FORM);
        }
        return new SettlementPeriod(day, period);
    }

    /**
     * @return the text form, {@code 2025-10-26/49}.
     */
    public String format()
    {
        return day.toString() + SEPARATOR + period;
    }

    /**
     * Orders by day, then period: the order the periods happen in.
     *
     * @param other the other period.
     * @return negative, zero or positive.
     */
    @Override
    public int compareTo(final SettlementPeriod other)
    {
        final int byDay = day.compareTo(other.day);
        return byDay != 0 ? byDay : Integer.compare(period, other.period);
    }

    /**
     * @return the text form, as {@link #format()}.
     */
    @Override
    public String toString()
    {
        return format();
    }
}

package io.gbsettle.core.time;

import java.time.LocalDate;

/**
 * One England and Wales bank holiday, for listing and checking; the working-day table is what the engine consults.
 *
 * @param date the day.
 * @param name its name as gov.uk gives it, with {@code (substitute day)} when it replaces a weekend one.
 */
public record BankHoliday(LocalDate date, String name) implements Comparable<BankHoliday>
{
    /**
     * Orders by date.
     *
     * @param other the other holiday.
     * @return negative, zero or positive.
     */
    @Override
    public int compareTo(final BankHoliday other)
    {
        return date.compareTo(other.date);
    }
}

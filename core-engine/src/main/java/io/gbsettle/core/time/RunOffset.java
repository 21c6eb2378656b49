package io.gbsettle.core.time;

/**
 * How long after its Settlement Day a settlement run happens: {@code n} working days or {@code n} calendar months.
 *
 * @param unit   working days or calendar months.
 * @param amount how many, 0 to {@link OffsetUnit#maxOffset()}.
 */
public record RunOffset(OffsetUnit unit, int amount)
{
    /**
     * Checks the unit is present and the amount is 0 to the unit's maximum.
     *
     * @param unit   working days or calendar months.
     * @param amount how many.
     */
    public RunOffset
    {
        if (unit == null)
        {
            throw new IllegalArgumentException("run offset needs a unit");
        }
        if (amount < 0 || amount > unit.maxOffset())
        {
            throw new IllegalArgumentException(
                "run offset " + amount + " " + unit.code() + " is not in 0.." + unit.maxOffset());
        }
    }

    /**
     * @param n working days after the Settlement Day.
     * @return the offset.
     */
    public static RunOffset workingDays(final int n)
    {
        return new RunOffset(OffsetUnit.WORKING_DAYS, n);
    }

    /**
     * @param n calendar months after the Settlement Day.
     * @return the offset.
     */
    public static RunOffset months(final int n)
    {
        return new RunOffset(OffsetUnit.CALENDAR_MONTHS, n);
    }

    /**
     * @return the file form, for example {@code 5 WD} or {@code 14 MONTHS}.
     */
    @Override
    public String toString()
    {
        return amount + " " + unit.code();
    }
}

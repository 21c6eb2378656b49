package io.gbsettle.core.time;

/**
 * The unit a settlement run's offset from its Settlement Day is counted in.
 */
public enum OffsetUnit
{
    /**
     * BSC Working Days after the Settlement Day ({@link WorkingDays#addWorkingDays(long, int)}). File code {@code WD}.
     */
    WORKING_DAYS("WD", 1000),

    /**
     * Calendar months: the same day of the month {@code n} months later, clamped to the end of a shorter month, then
     * rolled forward to the next working day if it is not one. File code {@code MONTHS}.
     */
    CALENDAR_MONTHS("MONTHS", 60);

    private final String code;
    private final int maxOffset;

    OffsetUnit(final String code, final int maxOffset)
    {
        this.code = code;
        this.maxOffset = maxOffset;
    }

    /**
     * @return the code used in {@code run_offsets.csv}: {@code WD} or {@code MONTHS}.
     */
    public String code()
    {
        return code;
    }

    /**
     * The largest offset accepted in this unit: 1000 working days (about four years) or 60 months. Both keep every
     * run date of a supported Settlement Day inside the default {@link WorkingDays} range.
     *
     * @return the largest offset accepted.
     */
    public int maxOffset()
    {
        return maxOffset;
    }

    /**
     * @param code {@code WD} or {@code MONTHS}, any case, surrounding spaces ignored.
     * @return the unit, or null when the code is neither.
     */
    public static OffsetUnit ofCode(final String code)
    {
        final String trimmed = code.trim();
        for (final OffsetUnit unit : values())
        {
            if (unit.code.equalsIgnoreCase(trimmed))
            {
                return unit;
            }
        }
        return null;
    }
}

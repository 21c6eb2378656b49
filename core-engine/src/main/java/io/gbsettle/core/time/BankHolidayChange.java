package io.gbsettle.core.time;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A one-off change to the rule-based bank holidays: a holiday proclaimed for one year (a jubilee, a state funeral) or
 * a rule-based one moved or cancelled. Kept as data because they are announced a few months ahead, by proclamation,
 * and no rule predicts them; the known ones ship as the resource {@code io/gbsettle/core/time/bank_holidays.csv}.
 *
 * @param date   the day added or removed.
 * @param action whether the day becomes a bank holiday or stops being one.
 * @param name   what the holiday is (required when adding; a note when removing, may be empty).
 */
public record BankHolidayChange(LocalDate date, Action action, String name)
{
    /**
     * What a change does.
     */
    public enum Action
    {
        /** The day becomes a bank holiday. */
        ADD,
        /** The day stops being a bank holiday (for example a rule-based one moved to another day). */
        REMOVE;

        /**
         * @return the form used in files: {@code add} or {@code remove}.
         */
        public String code()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param code {@code add} or {@code remove}, any case, surrounding spaces ignored.
         * @return the action, or null when the code is neither.
         */
        public static Action ofCode(final String code)
        {
            final String trimmed = code.trim();
            for (final Action action : values())
            {
                if (action.code().equalsIgnoreCase(trimmed))
                {
                    return action;
                }
            }
            return null;
        }
    }

    /**
     * Checks the fields are present; a name is required when adding.
     *
     * @param date   the day.
     * @param action add or remove.
     * @param name   the holiday's name.
     */
    public BankHolidayChange
    {
        if (date == null || action == null || name == null)
        {
            throw new IllegalArgumentException("bank holiday change needs a date, an action and a name");
        }
        if (action == Action.ADD && name.isBlank())
        {
            throw new IllegalArgumentException("bank holiday added on " + date + " needs a name");
        }
    }

    /**
     * @param date the day.
     * @param name the holiday's name.
     * @return a change that makes the day a bank holiday.
     */
    public static BankHolidayChange add(final LocalDate date, final String name)
    {
        return new BankHolidayChange(date, Action.ADD, name);
    }

    /**
     * @param date the day.
     * @param note why, for the record.
     * @return a change that makes the day an ordinary day.
     */
    public static BankHolidayChange remove(final LocalDate date, final String note)
    {
        return new BankHolidayChange(date, Action.REMOVE, note);
    }
}

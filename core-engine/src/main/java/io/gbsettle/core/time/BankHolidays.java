package io.gbsettle.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * England and Wales bank holidays, the ones that stop a day being a BSC Working Day: computed by rule for any year,
 * then adjusted by one-off {@link BankHolidayChange}s applied in order.
 *
 * <p>The rules (Banking and Financial Dealings Act 1971 and the standing royal proclamations; early May since 1978):
 * <ul>
 *     <li>New Year's Day, 1 January;</li>
 *     <li>Good Friday and Easter Monday (Gregorian Easter);</li>
 *     <li>early May bank holiday, the first Monday in May;</li>
 *     <li>spring bank holiday, the last Monday in May;</li>
 *     <li>summer bank holiday, the last Monday in August;</li>
 *     <li>Christmas Day and Boxing Day, 25 and 26 December.</li>
 * </ul>
 * A fixed-date holiday on a Saturday or Sunday gets a substitute day: the next weekday that is not already a holiday
 * (so 25 December on a Saturday gives 27 and 28, on a Sunday 26 and 27, on a Friday 25 and Monday 28).
 *
 * <p>An object for building the working-day table and for tools; {@link WorkingDays} is what hot paths consult.
 * Instances are immutable.
 */
public final class BankHolidays
{
    private static final String SUBSTITUTE_SUFFIX = " (substitute day)";
    private static final int DECEMBER_CHRISTMAS = 25;
    private static final int DECEMBER_BOXING_DAY = 26;
    private static final int GOOD_FRIDAY_BEFORE_EASTER = 2;

    private static final BankHolidays RULES_ONLY = new BankHolidays(List.of());

    private final List<BankHolidayChange> changes;
    private final Map<LocalDate, String> added = new HashMap<>();
    private final Set<LocalDate> removed = new HashSet<>();

    private BankHolidays(final List<BankHolidayChange> changes)
    {
        this.changes = List.copyOf(changes);
        for (final BankHolidayChange change : this.changes)
        {
            if (change.action() == BankHolidayChange.Action.ADD)
            {
                added.put(change.date(), change.name());
                removed.remove(change.date());
            }
            else
            {
                removed.add(change.date());
                added.remove(change.date());
            }
        }
    }

    /**
     * @return the bank holidays by rule alone, no one-off changes.
     */
    public static BankHolidays rulesOnly()
    {
        return RULES_ONLY;
    }

    /**
     * The rule-based holidays adjusted by changes applied in order (a later change to a date wins).
     *
     * @param changes the one-off changes.
     * @return the bank holidays.
     */
    public static BankHolidays withChanges(final List<BankHolidayChange> changes)
    {
        return new BankHolidays(changes);
    }

    /**
     * These holidays with more changes applied after the existing ones, for example a user's override file on top of
     * the bundled one-offs.
     *
     * @param moreChanges the further changes.
     * @return new bank holidays; this instance is unchanged.
     */
    public BankHolidays plus(final List<BankHolidayChange> moreChanges)
    {
        final List<BankHolidayChange> all = new ArrayList<>(changes.size() + moreChanges.size());
        all.addAll(changes);
        all.addAll(moreChanges);
        return new BankHolidays(all);
    }

    /**
     * @return the one-off changes applied, in order.
     */
    public List<BankHolidayChange> changes()
    {
        return changes;
    }

    /**
     * Every bank holiday of a year, rules and changes applied.
     *
     * @param year the year.
     * @return the holidays in date order.
     */
    public List<BankHoliday> holidaysIn(final int year)
    {
        final TreeMap<LocalDate, String> holidays = ruleHolidayMap(year);
        for (final LocalDate date : removed)
        {
            holidays.remove(date);
        }
        for (final Map.Entry<LocalDate, String> entry : added.entrySet())
        {
            if (entry.getKey().getYear() == year)
            {
                holidays.put(entry.getKey(), entry.getValue());
            }
        }
        return toList(holidays);
    }

    /**
     * @param date a day.
     * @return true if it is a bank holiday, rules and changes applied. Allocates: not for hot paths.
     */
    public boolean isBankHoliday(final LocalDate date)
    {
        if (added.containsKey(date))
        {
            return true;
        }
        return !removed.contains(date) && ruleHolidayMap(date.getYear()).containsKey(date);
    }

    /**
     * The bank holidays of a year by rule alone, before any one-off change.
     *
     * @param year the year.
     * @return the holidays in date order.
     */
    public static List<BankHoliday> byRule(final int year)
    {
        return toList(ruleHolidayMap(year));
    }

    /**
     * Gregorian Easter Sunday (the anonymous Gregorian algorithm of Meeus, Jones and Butcher).
     *
     * @param year the year, 1583 or later.
     * @return Easter Sunday of that year.
     */
    public static LocalDate easterSunday(final int year)
    {
        // The algorithm's constants: 19-year Metonic cycle, century corrections, and the 7-day week.
        final int a = year % 19;
        final int b = year / 100;
        final int c = year % 100;
        final int d = b / 4;
        final int e = b % 4;
        final int f = (b + 8) / 25;
        final int g = (b - f + 1) / 3;
        final int h = (19 * a + b - d - g + 15) % 30;
        final int i = c / 4;
        final int k = c % 4;
        final int l = (32 + 2 * e + 2 * i - h - k) % 7;
        final int m = (a + 11 * h + 22 * l) / 451;
        final int month = (h + l - 7 * m + 114) / 31;
        final int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static TreeMap<LocalDate, String> ruleHolidayMap(final int year)
    {
        final TreeMap<LocalDate, String> holidays = new TreeMap<>();
        final LocalDate easter = easterSunday(year);
        holidays.put(easter.minusDays(GOOD_FRIDAY_BEFORE_EASTER), "Good Friday");
        holidays.put(easter.plusDays(1), "Easter Monday");
        final LocalDate may = LocalDate.of(year, Month.MAY, 1);
        holidays.put(may.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday");
        holidays.put(may.with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday");
        holidays.put(
            LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
            "Summer bank holiday");

        final LocalDate[] fixedDates =
        {
            LocalDate.of(year, Month.JANUARY, 1),
            LocalDate.of(year, Month.DECEMBER, DECEMBER_CHRISTMAS),
            LocalDate.of(year, Month.DECEMBER, DECEMBER_BOXING_DAY),
        };
        final String[] fixedNames = { "New Year's Day", "Christmas Day", "Boxing Day" };
        for (int i = 0; i < fixedDates.length; i++)
        {
            if (!isWeekend(fixedDates[i]))
            {
                holidays.put(fixedDates[i], fixedNames[i]);
            }
        }
        for (int i = 0; i < fixedDates.length; i++)
        {
            if (isWeekend(fixedDates[i]))
            {
                LocalDate substitute = fixedDates[i].plusDays(1);
                while (isWeekend(substitute) || holidays.containsKey(substitute))
                {
                    substitute = substitute.plusDays(1);
                }
                holidays.put(substitute, fixedNames[i] + SUBSTITUTE_SUFFIX);
            }
        }
        return holidays;
    }

    private static boolean isWeekend(final LocalDate date)
    {
        return EpochDays.isWeekend(date.toEpochDay());
    }

    private static List<BankHoliday> toList(final Map<LocalDate, String> holidays)
    {
        final List<BankHoliday> list = new ArrayList<>(holidays.size());
        for (final Map.Entry<LocalDate, String> entry : holidays.entrySet())
        {
            list.add(new BankHoliday(entry.getKey(), entry.getValue()));
        }
        Collections.sort(list);
        return Collections.unmodifiableList(list);
    }
}

package io.gbsettle.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.gbsettle.core.files.CalendarFiles;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.SettlementCalendar;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --calendar-dir} option shared by every command that needs working days or run dates, and the checks
 * that turn a date or year outside the calendar's range into a usage error rather than a failure.
 */
final class CalendarOptions
{
    @Option(names = "--calendar-dir", paramLabel = "DIR",
        description = "Directory with bank_holidays.csv, run_offsets.csv and/or run_calendar.csv overriding the " +
            "built-in calendar (all optional; see the README).")
    Path calendarDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    CalendarContext context()
    {
        if (calendarDir != null && !Files.isDirectory(calendarDir))
        {
            throw new ParameterException(spec.commandLine(), "--calendar-dir " + calendarDir + " is not a directory");
        }
        return calendarDir == null ? CalendarFiles.defaults() : CalendarFiles.load(calendarDir);
    }

    /**
     * Checks that a date given on the command line is a Settlement Day the calendar covers.
     *
     * @param date   the date.
     * @param option the option it was given with, for the message.
     * @return the date.
     * @throws ParameterException (exit code 2) when it is outside the supported range.
     */
    LocalDate supported(final LocalDate date, final String option)
    {
        final SettlementCalendar calendar = CalendarFiles.defaults().settlementCalendar();
        if (!calendar.isSupported(date.toEpochDay()))
        {
            throw new ParameterException(spec.commandLine(), option + " " + date + " is outside the supported range " +
                calendar.firstDay() + ".." + calendar.lastDay());
        }
        return date;
    }

    /**
     * Checks that a year given on the command line lies in the calendar's range.
     *
     * @param year   the year.
     * @param option the option it was given with, for the message.
     * @return the year.
     * @throws ParameterException (exit code 2) when it is outside the supported range.
     */
    int supportedYear(final int year, final String option)
    {
        final SettlementCalendar calendar = CalendarFiles.defaults().settlementCalendar();
        if (year < calendar.firstDay().getYear() || year > calendar.lastDay().getYear())
        {
            throw new ParameterException(spec.commandLine(), option + " " + year + " is outside the supported years " +
                calendar.firstDay().getYear() + ".." + calendar.lastDay().getYear());
        }
        return year;
    }
}

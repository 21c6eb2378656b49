package io.gbsettle.tools;

import java.nio.file.Path;

import io.gbsettle.core.files.CalendarFiles;
import io.gbsettle.core.time.CalendarContext;
import picocli.CommandLine.Option;

/**
 * The {@code --calendar-dir} option shared by every command that needs working days or run dates.
 */
final class CalendarOptions
{
    @Option(names = "--calendar-dir", paramLabel = "DIR",
        description = "Directory with bank_holidays.csv, run_offsets.csv and/or run_calendar.csv overriding the " +
            "built-in calendar (all optional; see the README).")
    Path calendarDir;

    CalendarContext context()
    {
        return calendarDir == null ? CalendarFiles.defaults() : CalendarFiles.load(calendarDir);
    }
}

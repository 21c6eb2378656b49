package io.gbsettle.tools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.gbsettle.core.time.BankHoliday;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.RunDue;
import io.gbsettle.core.time.RunSchedule;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bsc calendar}: settlement days and periods, run dates and working days, as CSV or JSON.
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = "The settlement calendar: periods of a day, run dates, what falls due, bank holidays.",
    subcommands = {
        CalendarCommand.Day.class,
        CalendarCommand.Runs.class,
        CalendarCommand.Due.class,
        CalendarCommand.Holidays.class,
    },
    footer = {"", "Example: ./bsc calendar day --date 2025-10-26"})
final class CalendarCommand extends CommandGroup
{

    static String utc(final Instant instant)
    {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * A calendar command that prints one table.
     */
    abstract static class TableCommand implements Runnable
    {
        @Spec
        CommandSpec spec;

        @Mixin
        CalendarOptions calendar;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public void run()
        {
            table(calendar.context()).writeTo(spec.commandLine().getOut(), spec.name());
        }

        abstract TableOut table(CalendarContext context);
    }

    /**
     * {@code bsc calendar day}.
     */
    @Command(
        name = "day",
        mixinStandardHelpOptions = true,
        description = "Every Settlement Period of a Settlement Day: 48, or 46/50 on clock-change days.",
        footer = {"", "Example: ./bsc calendar day --date 2025-10-26 --format json"})
    static final class Day extends TableCommand
    {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Settlement date.")
        LocalDate date;

        @Override
        TableOut table(final CalendarContext context)
        {
            return periodsTable(context.settlementCalendar(), calendar.supported(date, "--date"), format);
        }
    }

    static TableOut periodsTable(final SettlementCalendar calendar, final LocalDate date, final OutputFormat format)
    {
        final TableOut table = new TableOut(format,
            "settlement_date", "settlement_period", "utc_start", "utc_end", "local_start", "utc_offset");
        final int periods = calendar.periodsIn(date);
        for (int p = 1; p <= periods; p++)
        {
            final ZonedDateTime local = calendar.zonedStart(date, p);
            final ZoneOffset offset = local.getOffset();
            table.row(date.toString(), Integer.toString(p), utc(calendar.periodStart(date, p)),
                utc(calendar.periodEnd(date, p)), local.toLocalDateTime().toString(),
                offset.getId().equals("Z") ? "+00:00" : offset.getId());
        }
        return table;
    }

    static TableOut runsTable(final CalendarContext context, final LocalDate date, final OutputFormat format)
    {
        final RunSchedule runs = context.runSchedule();
        final TableOut table = new TableOut(format, "settlement_date", "run", "run_date", "rule");
        for (final SettlementRun run : SettlementRun.values())
        {
            final boolean exact = runs.isExact(date.toEpochDay(), run);
            table.row(date.toString(), run.name(), runs.runDate(date, run).toString(),
                exact ? "run_calendar.csv" : runs.offset(run).toString());
        }
        return table;
    }

    static TableOut dueTable(final CalendarContext context, final LocalDate on, final OutputFormat format)
    {
        final TableOut table = new TableOut(format, "run_date", "settlement_date", "run");
        final List<RunDue> due = context.runSchedule().dueOn(on);
        for (final RunDue entry : due)
        {
            table.row(on.toString(), entry.settlementDay().toString(), entry.run().name());
        }
        return table;
    }

    /**
     * {@code bsc calendar runs}.
     */
    @Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "The date each settlement run (II, SF, R1, R2, R3, RF, DF) of a Settlement Day falls due.",
        footer = {"", "Example: ./bsc calendar runs --date 2026-11-20"})
    static final class Runs extends TableCommand
    {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Settlement date.")
        LocalDate date;

        @Override
        TableOut table(final CalendarContext context)
        {
            return runsTable(context, calendar.supported(date, "--date"), format);
        }
    }

    /**
     * {@code bsc calendar due}.
     */
    @Command(
        name = "due",
        mixinStandardHelpOptions = true,
        description = "Every (settlement day, run) whose run falls due on a date.",
        footer = {"", "Example: ./bsc calendar due --on 2026-11-23"})
    static final class Due extends TableCommand
    {
        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", description = "Run date.")
        LocalDate on;

        @Override
        TableOut table(final CalendarContext context)
        {
            return dueTable(context, calendar.supported(on, "--on"), format);
        }
    }

    /**
     * {@code bsc calendar holidays}.
     */
    @Command(
        name = "holidays",
        mixinStandardHelpOptions = true,
        description = "England and Wales bank holidays of a year (rules plus one-off changes).",
        footer = {"", "Example: ./bsc calendar holidays --year 2022"})
    static final class Holidays extends TableCommand
    {
        @Option(names = "--year", required = true, description = "Calendar year.")
        int year;

        @Override
        TableOut table(final CalendarContext context)
        {
            final TableOut table = new TableOut(format, "date", "day_of_week", "name");
            final int checkedYear = calendar.supportedYear(year, "--year");
            for (final BankHoliday holiday : context.workingDays().holidaysIn(checkedYear))
            {
                table.row(holiday.date().toString(), holiday.date().getDayOfWeek().toString(), holiday.name());
            }
            return table;
        }
    }
}

package io.gbsettle.core.files;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.time.BankHolidayChange;
import io.gbsettle.core.time.BankHolidays;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.RunCalendarEntry;
import io.gbsettle.core.time.RunOffset;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;
import io.gbsettle.core.time.WorkingDays;

/**
 * Builds the {@link CalendarContext}: from the bundled defaults, or from a directory of override files on top of them.
 *
 * <pre>
 *   bundled  io/gbsettle/core/time/bank_holidays.csv   known one-off bank holiday changes (1995 ... 2023)
 *   dir/     bank_holidays.csv   date,action,name                 more changes, applied after the bundled ones
 *            run_offsets.csv     run,unit,offset                  offsets replacing the defaults (WD or MONTHS)
 *            run_calendar.csv    settlement_date,run,run_date     exact SAA calendar dates, winning over offsets
 * </pre>
 *
 * <p>Each file is optional. Every problem in every file is collected, with file, line, column and reason, and
 * reported at once in an {@link InvalidInputException}; a load either returns a whole new context or throws having
 * built nothing, so a failed reload leaves the context in use untouched.
 */
public final class CalendarFiles
{
    /** Optional one-off bank holiday changes file in a calendar directory. */
    public static final String BANK_HOLIDAYS_FILE = "bank_holidays.csv";
    /** Optional settlement run offsets file in a calendar directory. */
    public static final String RUN_OFFSETS_FILE = "run_offsets.csv";
    /** Optional exact settlement run dates file in a calendar directory. */
    public static final String RUN_CALENDAR_FILE = "run_calendar.csv";
    /** Class-path resource of the known one-off bank holiday changes, in the {@code bank_holidays.csv} format. */
    public static final String BUNDLED_BANK_HOLIDAYS_RESOURCE = "/io/gbsettle/core/time/bank_holidays.csv";

    private static final String BUNDLED_NAME = "bank_holidays.csv (bundled)";

    private CalendarFiles()
    {
    }

    /**
     * The default context: Europe/London periods, rule-based bank holidays with the bundled one-off changes, default
     * run offsets and no exact run calendar. Built once and shared (it is immutable).
     *
     * @return the default context.
     */
    public static CalendarContext defaults()
    {
        return Defaults.CONTEXT;
    }

    /**
     * The known one-off bank holiday changes shipped with the engine.
     *
     * @return the changes, in file order.
     */
    public static List<BankHolidayChange> bundledBankHolidayChanges()
    {
        return Defaults.BANK_HOLIDAY_CHANGES;
    }

    /**
     * The default context with whichever of {@value #BANK_HOLIDAYS_FILE}, {@value #RUN_OFFSETS_FILE} and
     * {@value #RUN_CALENDAR_FILE} the directory holds applied on top.
     *
     * @param directory the directory holding the override files.
     * @return a new context.
     * @throws InvalidInputException listing every problem found; nothing was built.
     * @throws UncheckedIOException  if a file exists but cannot be read.
     */
    public static CalendarContext load(final Path directory)
    {
        final String what = "settlement calendar files in " + directory;
        if (!Files.isDirectory(directory))
        {
            throw new InvalidInputException(
                what, List.of(new InputProblem(directory.toString(), 0, "", "", "not a directory")));
        }

        final CalendarContext defaults = defaults();
        final SettlementCalendar calendar = defaults.settlementCalendar();
        final WorkingDays defaultWorkingDays = defaults.workingDays();
        final LocalDate firstDay = defaultWorkingDays.firstDay();
        final LocalDate lastDay = defaultWorkingDays.lastDay();
        final BankHolidays base = defaults.bankHolidays();
        final List<InputProblem> problems = new ArrayList<>();

        final List<BankHolidayChange> changes = readIfPresent(directory.resolve(BANK_HOLIDAYS_FILE), List.of(),
            problems, (csv) -> BankHolidayFile.read(csv, base, firstDay, lastDay, problems));
        final Map<SettlementRun, RunOffset> offsets = readIfPresent(directory.resolve(RUN_OFFSETS_FILE), Map.of(),
            problems, (csv) -> RunOffsetFile.read(csv, problems));
        final List<RunCalendarEntry> entries = readIfPresent(directory.resolve(RUN_CALENDAR_FILE), List.of(),
            problems, (csv) -> RunCalendarFile.read(csv, calendar.firstDay(), calendar.lastDay(), lastDay, problems));
        if (!problems.isEmpty())
        {
            throw new InvalidInputException(what, problems);
        }

        return CalendarContext.builder()
            .settlementCalendar(calendar)
            .bankHolidayChanges(bundledBankHolidayChanges())
            .bankHolidayChanges(changes)
            .runOffsets(offsets)
            .runCalendar(entries)
            .build();
    }

    private static <T> T readIfPresent(
        final Path file, final T absent, final List<InputProblem> problems, final Function<CsvReader, T> reader)
    {
        return Files.exists(file) ? CsvReader.read(file, absent, problems, reader) : absent;
    }

    private static List<BankHolidayChange> readBundledChanges()
    {
        final InputStream in = CalendarFiles.class.getResourceAsStream(BUNDLED_BANK_HOLIDAYS_RESOURCE);
        if (in == null)
        {
            throw new IllegalStateException("missing class-path resource " + BUNDLED_BANK_HOLIDAYS_RESOURCE);
        }
        final List<InputProblem> problems = new ArrayList<>();
        final List<BankHolidayChange> changes;
        try (CsvReader csv = new CsvReader(BUNDLED_NAME, new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            changes = BankHolidayFile.read(
                csv,
                BankHolidays.rulesOnly(),
                SettlementCalendar.FIRST_SUPPORTED_DAY,
                WorkingDays.DEFAULT_LAST_DAY,
                problems);
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("bundled bank holiday changes", problems);
        }
        return List.copyOf(changes);
    }

    /**
     * Built on first use (class initialisation is lazy and thread-safe).
     */
    private static final class Defaults
    {
        static final List<BankHolidayChange> BANK_HOLIDAY_CHANGES = readBundledChanges();
        static final CalendarContext CONTEXT = CalendarContext.builder()
            .bankHolidayChanges(BANK_HOLIDAY_CHANGES)
            .build();
    }
}

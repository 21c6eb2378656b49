package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.time.BankHolidayChange;
import io.gbsettle.core.time.CalendarContext;
import io.gbsettle.core.time.RunCalendarEntry;
import io.gbsettle.core.time.RunOffset;
import io.gbsettle.core.time.SettlementRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarFilesTest
{
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void bundledChangesLoad()
    {
        final List<BankHolidayChange> changes = CalendarFiles.bundledBankHolidayChanges();
        assertEquals(17, changes.size());
        assertEquals(BankHolidayChange.remove(LocalDate.of(1995, 5, 1),
            "Early May bank holiday (moved to 8 May for the 50th anniversary of VE Day)"), changes.get(0));
        assertEquals(
            BankHolidayChange.add(LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
            changes.get(changes.size() - 1));
        assertSame(CalendarFiles.defaults(), CalendarFiles.defaults(), "built once and shared");
        assertEquals(changes, CalendarFiles.defaults().bankHolidays().changes());
    }

    @Test
    void anEmptyDirectoryGivesTheDefaults()
    {
        final CalendarContext context = CalendarFiles.load(dir);
        assertEquals(CalendarFiles.defaults().runSchedule().offsets(), context.runSchedule().offsets());
        assertEquals(CalendarFiles.defaults().bankHolidays().changes(), context.bankHolidays().changes());
        assertSame(CalendarFiles.defaults().settlementCalendar(), context.settlementCalendar());
        assertEquals(List.of(), context.runSchedule().calendarEntries());
    }

    @Test
    void goodFilesLoad() throws IOException
    {
        write(CalendarFiles.BANK_HOLIDAYS_FILE,
            "Date,Action,Name,comment",
            "2030-06-04,add,\"Extra day, by proclamation\",ignored column",
            "",
            "2030-12-26,REMOVE,,",
            "2030-06-04,add,\"Extra day, by proclamation\",identical repeat is accepted",
            "2022-09-19,remove,undo the bundled state funeral day,");
        write(CalendarFiles.RUN_OFFSETS_FILE,
            "run,unit,offset",
            "II,WD,3",
            "rf,months,4",
            "II,WD,3");
        write(CalendarFiles.RUN_CALENDAR_FILE,
            "settlement_date,run,run_date",
            "2025-10-24,II,2025-11-03",
            "2025-10-25,SF,2025-11-15");

        final CalendarContext context = CalendarFiles.load(dir);

        assertFalse(context.workingDays().isWorkingDay(LocalDate.of(2030, 6, 4)));
        assertTrue(context.workingDays().isWorkingDay(LocalDate.of(2030, 12, 26)));
        assertTrue(context.workingDays().isWorkingDay(LocalDate.of(2022, 9, 19)));
        assertFalse(context.workingDays().isWorkingDay(LocalDate.of(2023, 5, 8)), "bundled changes still apply");
        assertEquals(CalendarFiles.bundledBankHolidayChanges().size() + 3, context.bankHolidays().changes().size());

        assertEquals(RunOffset.workingDays(3), context.runSchedule().offset(SettlementRun.II));
        assertEquals(RunOffset.months(4), context.runSchedule().offset(SettlementRun.RF));
        assertEquals(RunOffset.workingDays(16), context.runSchedule().offset(SettlementRun.SF));

        assertEquals(List.of(
            new RunCalendarEntry(LocalDate.of(2025, 10, 24), SettlementRun.II, LocalDate.of(2025, 11, 3)),
            new RunCalendarEntry(LocalDate.of(2025, 10, 25), SettlementRun.SF, LocalDate.of(2025, 11, 15))),
            context.runSchedule().calendarEntries());
        assertEquals(LocalDate.of(2025, 11, 3),
            context.runSchedule().runDate(LocalDate.of(2025, 10, 24), SettlementRun.II));
        assertEquals(LocalDate.of(2025, 10, 29),
            context.runSchedule().runDate(LocalDate.of(2025, 10, 26), SettlementRun.II), "3 WD offset");
        assertEquals(LocalDate.of(2025, 4, 30),
            context.runSchedule().runDate(LocalDate.of(2024, 12, 31), SettlementRun.RF), "4 MONTHS offset");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "bank_holidays.csv | date,action,name;2025-13-01,add,Extra |"
            + " bank_holidays.csv:2 column 'date' value '2025-13-01': not a date; expected YYYY-MM-DD",
        "bank_holidays.csv | date,action,name;1989-05-01,remove, |"
            + " bank_holidays.csv:2 column 'date' value '1989-05-01': outside the supported range"
            + " 1990-01-01..2110-12-31",
        "bank_holidays.csv | date,action,name;,add,Extra |"
            + " bank_holidays.csv:2 column 'date': missing value; expected a date YYYY-MM-DD",
        "bank_holidays.csv | date,action,name;2030-06-04,delete,Extra |"
            + " bank_holidays.csv:2 column 'action' value 'delete': unknown action; expected add or remove",
        "bank_holidays.csv | date,action,name;2030-06-04,add, |"
            + " bank_holidays.csv:2 column 'name': missing value; a name is required to add a bank holiday",
        "bank_holidays.csv | date,action,name;2030-06-08,add,Extra |"
            + " bank_holidays.csv:2 column 'date' value '2030-06-08': falls on a Saturday; a bank holiday must be"
            + " a weekday",
        "bank_holidays.csv | date,action,name;2030-06-04,remove, |"
            + " bank_holidays.csv:2 column 'date' value '2030-06-04': not a bank holiday, so it cannot be removed",
        "bank_holidays.csv | date,action,name;2030-06-04,add,Extra;;2030-06-04,remove,No |"
            + " bank_holidays.csv:4 column 'date' value '2030-06-04': conflicts with line 2 (add Extra); a date may"
            + " change once",
        "bank_holidays.csv | date,action;2030-06-04,add |"
            + " bank_holidays.csv:1 column 'name': missing column; header is date,action",
        "bank_holidays.csv | EMPTY |"
            + " bank_holidays.csv:1: the file is empty; expected the header date,action,name",
        "run_offsets.csv | ' ' |"
            + " run_offsets.csv:1: the file is empty; expected the header run,unit,offset",
        "run_offsets.csv | run,unit,offset;XX,WD,5 |"
            + " run_offsets.csv:2 column 'run' value 'XX': unknown settlement run; expected one of II, SF, R1, R2, R3,"
            + " RF, DF",
        "run_offsets.csv | run,unit,offset;II,WD,-1 |"
            + " run_offsets.csv:2 column 'offset' value '-1': negative offset; expected 0 or more",
        "run_offsets.csv | run,unit,offset;II,WD,five |"
            + " run_offsets.csv:2 column 'offset' value 'five': not a whole number",
        "run_offsets.csv | run,unit,offset;II,WD,1001 |"
            + " run_offsets.csv:2 column 'offset' value '1001': too large; at most 1000 WD",
        "run_offsets.csv | run,unit,offset;II,DAYS,5 |"
            + " run_offsets.csv:2 column 'unit' value 'DAYS': unknown unit; expected WD or MONTHS",
        "run_offsets.csv | run,unit,offset;II,WD,5;II,WD,6 |"
            + " run_offsets.csv:3 column 'run' value 'II': conflicts with line 2 (5 WD); a run may have one offset",
        "run_calendar.csv | settlement_date,run,run_date;2025-10-24,II,2025-10-23 |"
            + " run_calendar.csv:2 column 'run_date' value '2025-10-23': before the settlement date 2025-10-24",
        "run_calendar.csv | settlement_date,run,run_date;2025-10-24,II,2025-11-03;2025-10-24,II,2025-11-04 |"
            + " run_calendar.csv:3 column 'run_date' value '2025-11-04': conflicts with line 2, which gives II of"
            + " 2025-10-24 the run date 2025-11-03",
        "run_calendar.csv | settlement_date,run,run_date;2025-10-24,QQ,2025-11-03 |"
            + " run_calendar.csv:2 column 'run' value 'QQ': unknown settlement run; expected one of II, SF, R1, R2, R3,"
            + " RF, DF",
        "run_calendar.csv | settlement_date,run,run_date;2101-01-01,II,2101-01-09 |"
            + " run_calendar.csv:2 column 'settlement_date' value '2101-01-01': outside the supported range"
            + " 1990-01-01..2100-12-31",
        "run_calendar.csv | settlement_date,run,run_date;\"2025-10-24,II,2025-11-03 |"
            + " run_calendar.csv:2: a quoted field is not closed before the end of the file",
    })
    void rejectsMalformedRows(final String file, final String lines, final String expected) throws IOException
    {
        write(file, "EMPTY".equals(lines) ? new String[0] : lines.split(";", -1));

        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CalendarFiles.load(dir));

        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertEquals(expected, ex.problems().get(0).describe());
        assertEquals("cannot load settlement calendar files in " + dir + ": 1 problem, nothing was loaded" + NL +
            "  " + expected, ex.getMessage());
    }

    @Test
    void reportsEveryProblemInEveryFileAtOnce() throws IOException
    {
        write(CalendarFiles.BANK_HOLIDAYS_FILE,
            "date,action,name",
            "2030-06-04,add,Fine",
            "2030-02-30,delete,Two problems on one row");
        write(CalendarFiles.RUN_OFFSETS_FILE,
            "run,unit,offset",
            "II,WD,-2");
        write(CalendarFiles.RUN_CALENDAR_FILE,
            "settlement_date,run,run_date",
            "2025-10-24,II,2025-11-03",
            "2025-10-24,XX,2025-11-03");

        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CalendarFiles.load(dir));

        assertEquals(List.of(
            new InputProblem("bank_holidays.csv", 3, "date", "2030-02-30", "not a date; expected YYYY-MM-DD"),
            new InputProblem("bank_holidays.csv", 3, "action", "delete", "unknown action; expected add or remove"),
            new InputProblem("run_offsets.csv", 2, "offset", "-2", "negative offset; expected 0 or more"),
            new InputProblem("run_calendar.csv", 3, "run", "XX",
                "unknown settlement run; expected one of II, SF, R1, R2, R3, RF, DF")),
            ex.problems());
        assertEquals("cannot load settlement calendar files in " + dir + ": 4 problems, nothing was loaded" + NL +
            "  bank_holidays.csv:3 column 'date' value '2030-02-30': not a date; expected YYYY-MM-DD" + NL +
            "  bank_holidays.csv:3 column 'action' value 'delete': unknown action; expected add or remove" + NL +
            "  run_offsets.csv:2 column 'offset' value '-2': negative offset; expected 0 or more" + NL +
            "  run_calendar.csv:3 column 'run' value 'XX': unknown settlement run; expected one of II, SF, R1, R2, " +
            "R3, RF, DF",
            ex.getMessage());
    }

    @Test
    void aFailedLoadChangesNothing() throws IOException
    {
        write(CalendarFiles.RUN_OFFSETS_FILE,
            "run,unit,offset",
            "II,WD,3");
        final CalendarContext before = CalendarFiles.load(dir);
        final LocalDate friday = LocalDate.of(2025, 10, 24);
        assertEquals(LocalDate.of(2025, 10, 29), before.runSchedule().runDate(friday, SettlementRun.II));

        write(CalendarFiles.RUN_OFFSETS_FILE,
            "run,unit,offset",
            "II,WD,4",
            "SF,WD,-1");
        write(CalendarFiles.BANK_HOLIDAYS_FILE,
            "date,action,name",
            "2025-10-27,add,Would move II if it were applied");
        assertThrows(InvalidInputException.class, () -> CalendarFiles.load(dir));

        assertEquals(LocalDate.of(2025, 10, 29), before.runSchedule().runDate(friday, SettlementRun.II));
        assertTrue(before.workingDays().isWorkingDay(LocalDate.of(2025, 10, 27)));
        assertEquals(
            LocalDate.of(2025, 10, 31), CalendarFiles.defaults().runSchedule().runDate(friday, SettlementRun.II));
        assertTrue(CalendarFiles.defaults().workingDays().isWorkingDay(LocalDate.of(2025, 10, 27)));
    }

    @Test
    void rejectsAMissingDirectory()
    {
        final Path missing = dir.resolve("nope");
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CalendarFiles.load(missing));
        assertEquals(List.of(new InputProblem(missing.toString(), 0, "", "", "not a directory")), ex.problems());
    }

    private void write(final String file, final String... lines) throws IOException
    {
        Files.writeString(dir.resolve(file), lines.length == 0 ? "" : String.join("\n", lines) + "\n",
            StandardCharsets.UTF_8);
    }
}

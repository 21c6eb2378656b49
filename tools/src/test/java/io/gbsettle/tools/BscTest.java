package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.files.RegistryCsv;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code bsc} commands, run in-process with captured output: what they print, the files they write and their
 * exit codes.
 */
final class BscTest extends InProcessBsc
{
    @Test
    void outputDoesNotDependOnTheDefaultLocale()
    {
        final java.util.Locale saved = java.util.Locale.getDefault();
        try
        {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
            assertEquals(ExitCode.OK, bsc("generate", "bundle", "--out", tmp.resolve("b").toString(), "--size",
                "small", "--date", "2025-10-26"));
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertEquals(ExitCode.OK, bsc("generate", "registry", "--out", tmp.resolve("r").toString(),
                "--size", "SMALL"));
        }
        finally
        {
            java.util.Locale.setDefault(saved);
        }
        final String console = out.toString();
        assertTrue(console.contains("day bundle for 2025-10-26 (50 periods)"), console);
        assertTrue(console.contains("2,250 metered volumes"), console);
        assertTrue(console.contains("wrote 10 parties"), console);
    }

    @Test
    void calendarDayListsFiftyPeriodsOnTheDayTheClocksGoBack()
    {
        assertEquals(ExitCode.OK, bsc("calendar", "day", "--date", "2025-10-26"));
        final String[] lines = out.toString().split("\n");
        assertEquals(51, lines.length);
        assertEquals("settlement_date,settlement_period,utc_start,utc_end,local_start,utc_offset", lines[0]);
        assertEquals("2025-10-26,1,2025-10-25T23:00:00Z,2025-10-25T23:30:00Z,2025-10-26T00:00,+01:00", lines[1]);
        assertEquals("2025-10-26,5,2025-10-26T01:00:00Z,2025-10-26T01:30:00Z,2025-10-26T01:00,+00:00", lines[5]);
        assertEquals("2025-10-26,50,2025-10-26T23:30:00Z,2025-10-27T00:00:00Z,2025-10-26T23:30,+00:00", lines[50]);
    }

    @Test
    void calendarDayAsJson()
    {
        assertEquals(ExitCode.OK, bsc("calendar", "day", "--date", "2025-03-30", "--format", "json"));
        final String json = out.toString();
        assertTrue(json.startsWith("[\n  {\n    \"settlement_date\": \"2025-03-30\""), json);
        assertTrue(json.contains("\"settlement_period\": \"46\""), json);
        assertTrue(!json.contains("\"settlement_period\": \"47\""), json);
    }

    @Test
    void calendarRunsDueAndHolidays()
    {
        assertEquals(ExitCode.OK, bsc("calendar", "runs", "--date", "2025-12-24"));
        assertTrue(out.toString().contains("2025-12-24,II,2026-01-05,5 WD"), out::toString);
        assertTrue(out.toString().contains("2025-12-24,RF,2027-02-24,14 MONTHS"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("calendar", "due", "--on", "2026-01-05"));
        assertTrue(out.toString().contains("2026-01-05,2025-12-24,II"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("calendar", "holidays", "--year", "2022"));
        final String holidays = out.toString();
        assertTrue(holidays.contains("2022-06-03,FRIDAY,"), holidays);
        assertTrue(holidays.contains("2022-09-19,MONDAY,"), holidays);
        assertEquals(11, holidays.split("\n").length, holidays);
    }

    @Test
    void calendarOverridesComeFromTheCalendarDir() throws IOException
    {
        Files.writeString(tmp.resolve("run_calendar.csv"), "settlement_date,run,run_date\n2025-12-24,II,2026-01-09\n");
        assertEquals(ExitCode.OK, bsc("calendar", "runs", "--date", "2025-12-24", "--calendar-dir", tmp.toString()));
        assertTrue(out.toString().contains("2025-12-24,II,2026-01-09,run_calendar.csv"), out::toString);

        Files.writeString(tmp.resolve("run_offsets.csv"), "run,unit,offset\nII,FORTNIGHTS,1\n");
        assertEquals(ExitCode.DATA_PROBLEMS,
            bsc("calendar", "runs", "--date", "2025-12-24", "--calendar-dir", tmp.toString()));
        assertTrue(err.toString().contains("run_offsets.csv:2 column 'unit' value 'FORTNIGHTS'"), err::toString);
    }

    @Test
    void generateThenCheckARegistry()
    {
        final Path dir = tmp.resolve("registry");
        assertEquals(ExitCode.OK, bsc("generate", "registry", "--out", dir.toString(), "--size", "NATIONAL"));
        assertTrue(out.toString().startsWith("wrote 350 parties, 2700 BM Units (2712 versions) to "), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, bsc("registry", "check", "--dir", dir.toString(), "--date", "2026-01-01"));
        assertTrue(out.toString().contains("\"parties\": 350"), out::toString);
        assertTrue(out.toString().contains("\"energyAccounts\": 700"), out::toString);
    }

    @Test
    void aBadRegistryExitsOneNamingFileLineAndColumn() throws IOException
    {
        Files.writeString(tmp.resolve("parties.csv"), "party_id,name\nP1,One\n");
        Files.writeString(tmp.resolve("bm_units.csv"),
            "bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf\n" +
            "T_ONE-1,P1,X,TU1,N,_A,0.01\n");
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("registry", "check", "--dir", tmp.toString()));
        assertTrue(err.toString().startsWith("bsc registry check: cannot load market registry"), err::toString);
        assertTrue(err.toString().contains("bm_units.csv:2 column 'pc_status' value 'X'"), err::toString);
    }

    @Test
    void usageErrorsExitTwo()
    {
        assertEquals(ExitCode.USAGE, bsc("calendar", "day"));
        assertTrue(err.toString().contains("Missing required option: '--date=YYYY-MM-DD'"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("calendar", "day", "--date", "2025-13-01"));
        assertEquals(ExitCode.USAGE, bsc("no-such-command"));
        assertEquals(ExitCode.USAGE, bsc("calendar", "day", "--date", "1850-01-01"));
        assertTrue(err.toString().contains("--date 1850-01-01 is outside the supported range 1990-01-01..2100-12-31"),
            err::toString);
        assertEquals(ExitCode.USAGE, bsc("calendar", "runs", "--date", "2105-01-01"));
        assertEquals(ExitCode.USAGE, bsc("calendar", "holidays", "--year", "1000000000"));
        assertTrue(err.toString().contains("--year 1000000000 is outside the supported years 1990..2100"),
            err::toString);
        assertEquals(ExitCode.USAGE, bsc("calendar", "holidays", "--year", "2024", "--calendar-dir", "/nonexistent"));
        assertTrue(err.toString().contains("--calendar-dir /nonexistent is not a directory"), err::toString);
        assertEquals(ExitCode.USAGE, bsc("demo", "--date", "1980-01-01", "--out", tmp.resolve("x").toString()));
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("x")), "nothing written before the date was checked");
    }

    @Test
    void aGroupWithoutASubcommandIsAUsageError()
    {
        assertEquals(ExitCode.USAGE, bsc());
        assertEquals(ExitCode.USAGE, bsc("calendar"));
        assertTrue(err.toString().contains("Missing subcommand"), err::toString);
        assertTrue(err.toString().contains("Usage: bsc calendar"), err::toString);
    }

    @Test
    void everyProblemIsListedNotJustTheFirstTwenty() throws IOException
    {
        final StringBuilder units = new StringBuilder(
            "bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf\n");
        for (int i = 0; i < 25; i++)
        {
            units.append("T_U").append(i).append(",P1,X,TU,N,_A,0\n");
        }
        Files.writeString(tmp.resolve("parties.csv"), "party_id,name\nP1,One\n");
        Files.writeString(tmp.resolve("bm_units.csv"), units.toString());
        assertEquals(ExitCode.DATA_PROBLEMS, bsc("registry", "check", "--dir", tmp.toString()));
        final String text = err.toString();
        assertTrue(text.contains("cannot load market registry from " + tmp + ": 25 problems"), text);
        assertTrue(text.contains("bm_units.csv:26 column 'pc_status' value 'X': expected P or C"), text);
        assertTrue(!text.contains("more"), text);
    }

    @Test
    void everyCommandHasHelpWithAnExample()
    {
        final List<String> missing = new ArrayList<>();
        walk(new CommandLine(new Bsc()), missing);
        assertEquals(List.of(), missing, "commands whose --help has no example");
    }

    private void walk(final CommandLine command, final List<String> missing)
    {
        final String name = command.getCommandSpec().qualifiedName();
        if (!"help".equals(command.getCommandName()))
        {
            final StringWriter help = new StringWriter();
            command.usage(new PrintWriter(help));
            if (!help.toString().contains("Example: ./bsc"))
            {
                missing.add(name);
            }
            final String[] args = (name.replaceFirst("^bsc ?", "") + " --help").trim().split(" ");
            assertEquals(ExitCode.OK, bsc(args), name);
        }
        for (final CommandLine sub : command.getSubcommands().values())
        {
            walk(sub, missing);
        }
    }
}

package io.gbsettle.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.gbsettle.core.files.RegistryCsvTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryCsvRejectionTest
{
    private static final String BM_HEADER =
        "bm_unit_id,lead_party_id,pc_status,trading_unit_id,interconnector,gsp_group,tlf,effective_from,effective_to\n";
    private static final String GOOD_ROW = "T_SEVG-1,SEVG,P,TU_SEVG,N,_N,0.0123,,\n";
    private static final String GSP_IDS = "_A, _B, _C, _D, _E, _F, _G, _H, _J, _K, _L, _M, _N, _P";

    @TempDir
    Path dir;

    @BeforeEach
    void validFiles() throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, RegistryCsvTest.PARTIES);
        write(dir, RegistryCsv.BM_UNITS_FILE, RegistryCsvTest.BM_UNITS);
        write(dir, RegistryCsv.TLF_FILE, RegistryCsvTest.TLF);
    }

    private List<String> problems()
    {
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> RegistryCsv.load(dir));
        return ex.problems().stream().map(InputProblem::describe).toList();
    }

    private InputProblem onlyProblem()
    {
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> RegistryCsv.load(dir));
        assertEquals(1, ex.problems().size(), ex.getMessage());
        return ex.problems().get(0);
    }

    private static String reason(final String text)
    {
        return text
            .replace("$UNKNOWNGSP", "unknown GSP group; expected one of " + GSP_IDS)
            .replace("$NOGSP", "empty GSP group; only an interconnector may have none")
            .replace("$TLF", "TLF outside the sane range [-0.5, 0.5]")
            .replace("$INVERTED", "effective_to is before effective_from 2024-02-01")
            .replace("$BACKWARDS", "effective_to is before effective_from 2024-04-01")
            .replace("$SAMESLOT", "effective dates open..open overlap the _A WINTER TLF on line 2 (open..open)")
            .replace("$OVERLAP", "effective dates")
            .replace("$LINE2", "overlap the _A WINTER TLF on line 2 (2023-04-01..2024-03-31)");
    }

    @ParameterizedTest(name = "{1} {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        ,SEVG,P,TU_X,N,_N,,,                 | bm_unit_id      |            | empty BM Unit id
        T_X-1,,P,TU_X,N,_N,,,                | lead_party_id   |            | empty lead party id
        T_X-1,NOPE,P,TU_X,N,_N,,,            | lead_party_id   | NOPE       | unknown lead party; no party has this id
        T_X-1,SEVG,X,TU_X,N,_N,,,            | pc_status       | X          | expected P or C
        T_X-1,SEVG,,TU_X,N,_N,,,             | pc_status       |            | expected P or C
        T_X-1,SEVG,P,,N,_N,,,                | trading_unit_id |            | empty trading unit id
        T_X-1,SEVG,P,TU_X,maybe,_N,,,        | interconnector  | maybe      | expected Y or N
        T_X-1,SEVG,P,TU_X,N,_Z,,,            | gsp_group       | _Z         | $UNKNOWNGSP
        T_X-1,SEVG,P,TU_X,N,N,,,             | gsp_group       | N          | $UNKNOWNGSP
        T_X-1,SEVG,P,TU_X,N,,,,              | gsp_group       |            | $NOGSP
        T_X-1,SEVG,P,TU_X,N,_N,abc,,         | tlf             | abc        | not a number
        T_X-1,SEVG,P,TU_X,N,_N,0.01d,,       | tlf             | 0.01d      | not a number
        T_X-1,SEVG,P,TU_X,N,_N,NaN,,         | tlf             | NaN        | not a number
        T_X-1,SEVG,P,TU_X,N,_N,1.2.3,,       | tlf             | 1.2.3      | not a number
        T_X-1,SEVG,P,TU_X,N,_N,0.7,,         | tlf             | 0.7        | $TLF
        T_X-1,SEVG,P,TU_X,N,_N,-0.51,,       | tlf             | -0.51      | $TLF
        T_X-1,SEVG,P,TU_X,N,_N,,2024-02-30,  | effective_from  | 2024-02-30 | not a date; expected YYYY-MM-DD
        T_X-1,SEVG,P,TU_X,N,_N,,,01/02/2024  | effective_to    | 01/02/2024 | not a date; expected YYYY-MM-DD
        T_X-1,SEVG,P,TU_X,N,_N,,2024-02-01,2024-01-31 | effective_to    | 2024-01-31 | $INVERTED
        """)
    void rejectsAMalformedBmUnitRow(final String row, final String column, final String value, final String reason)
        throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER + GOOD_ROW + row + "\n");
        assertEquals(
            new InputProblem(RegistryCsv.BM_UNITS_FILE, 3, column, null == value ? "" : value, reason(reason)),
            onlyProblem());
    }

    @Test
    void rejectsAVersionOverlappingAnOpenEndedOne() throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE,
            BM_HEADER + GOOD_ROW + "T_SEVG-1,TRDR,P,TU_SEVG,N,_N,0.0123,2024-03-01,\n");
        assertEquals(List.of(
            "bm_units.csv:3 column 'bm_unit_id' value 'T_SEVG-1': effective dates 2024-03-01..open overlap the " +
                "version on line 2 (open..open)"),
            problems());
    }

    @Test
    void rejectsOverlapBetweenDatedVersionsNamingBothLines() throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER +
            "T_SEVG-1,SEVG,P,TU_SEVG,N,_N,,2024-01-01,2024-06-30\n" +
            "T_SEVG-2,SEVG,P,TU_SEVG,N,_N,,,\n" +
            "T_SEVG-1,TRDR,P,TU_SEVG,N,_N,,2024-06-30,2024-12-31\n" +
            "T_SEVG-1,ALBN,P,TU_SEVG,N,_N,,2025-01-01,\n");
        assertEquals(List.of(
            "bm_units.csv:4 column 'bm_unit_id' value 'T_SEVG-1': effective dates 2024-06-30..2024-12-31 overlap " +
                "the version on line 2 (2024-01-01..2024-06-30)"),
            problems());
    }

    @Test
    void rejectsAnInterconnectorFlagThatChangesBetweenVersions() throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER +
            "I_IUS-FRA1,ICUS,P,TU_I_FRA1,Y,,,,2024-03-31\n" +
            "I_IUS-FRA1,ICUS,P,TU_I_FRA1,N,_J,,2024-04-01,\n");
        assertEquals(List.of(
            "bm_units.csv:3 column 'interconnector' value 'N': interconnector flag differs from the version on line 2"),
            problems());
    }

    @ParameterizedTest(name = "{1} {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        ,Nameless Ltd         | party_id |      | empty party id
        ALBN,Albion Again Ltd | party_id | ALBN | duplicate party id; first defined on line 2
        XTRA,                 | name     |      | empty party name
        """)
    void rejectsAMalformedPartyRow(final String row, final String column, final String value, final String reason)
        throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, "party_id,name\nALBN,Albion Energy Ltd\n" + row + "\n" +
            "SEVG,Severn\nTRDR,Tweed\nICUS,Usk\n");
        assertEquals(
            new InputProblem(RegistryCsv.PARTIES_FILE, 3, column, null == value ? "" : value, reason),
            onlyProblem());
    }

    @ParameterizedTest(name = "{1} {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        _A,MONSOON,0.01 | season    | MONSOON | unknown season; expected WINTER, SPRING, SUMMER or AUTUMN
        _Z,WINTER,0.01  | gsp_group | _Z      | $UNKNOWNGSP
        ,WINTER,0.01    | gsp_group |         | empty GSP group
        _B,WINTER,      | tlf       |         | empty TLF
        _B,WINTER,x     | tlf       | x       | not a number
        _B,WINTER,0.55  | tlf       | 0.55    | $TLF
        _A,winter,0.02  | gsp_group | _A      | $SAMESLOT
        _a,WINTER,0.02  | gsp_group | _a      | $SAMESLOT
        """)
    void rejectsAMalformedTlfRow(final String row, final String column, final String value, final String reason)
        throws IOException
    {
        write(dir, RegistryCsv.TLF_FILE, "gsp_group,season,tlf\n_A,WINTER,0.009\n" + row + "\n");
        assertEquals(
            new InputProblem(RegistryCsv.TLF_FILE, 3, column, null == value ? "" : value, reason(reason)),
            onlyProblem());
    }

    @ParameterizedTest(name = "{1} {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        _A,WINTER,0.01,2024-03-31,2024-03-31 | gsp_group      | _A         | $OVERLAP 2024-03-31..2024-03-31 $LINE2
        _A,WINTER,0.01,,2023-04-01           | gsp_group      | _A         | $OVERLAP open..2023-04-01 $LINE2
        _a,winter,0.01,2023-10-01,2023-10-31 | gsp_group      | _a         | $OVERLAP 2023-10-01..2023-10-31 $LINE2
        _B,WINTER,0.01,2024-02-30,           | effective_from | 2024-02-30 | not a date; expected YYYY-MM-DD
        _B,WINTER,0.01,,31/03/2025           | effective_to   | 31/03/2025 | not a date; expected YYYY-MM-DD
        _B,WINTER,0.01,2024-04-01,2024-03-31 | effective_to   | 2024-03-31 | $BACKWARDS
        """)
    void rejectsAMalformedDatedTlfRow(final String row, final String column, final String value, final String reason)
        throws IOException
    {
        write(dir, RegistryCsv.TLF_FILE, "gsp_group,season,tlf,effective_from,effective_to\n" +
            "_A,WINTER,0.009,2023-04-01,2024-03-31\n" + row + "\n_A,WINTER,0.011,2024-04-01,\n");
        assertEquals(
            new InputProblem(RegistryCsv.TLF_FILE, 3, column, value, reason(reason)),
            onlyProblem());
    }

    @Test
    void rejectsOverlappingTlfYearsNamingBothLines() throws IOException
    {
        write(dir, RegistryCsv.TLF_FILE, """
            gsp_group,season,tlf,effective_from,effective_to
            _N,WINTER,-0.025,2024-04-01,2025-03-31
            _N,SUMMER,-0.015,2024-04-01,2025-03-31
            _N,WINTER,-0.021,2023-04-01,2024-04-01
            _N,WINTER,-0.027,2025-04-01,
            """);
        assertEquals(List.of(
            "tlf.csv:4 column 'gsp_group' value '_N': effective dates 2023-04-01..2024-04-01 overlap the _N WINTER " +
                "TLF on line 2 (2024-04-01..2025-03-31)"),
            problems());
    }

    @Test
    void reportsMissingFiles() throws IOException
    {
        Files.delete(dir.resolve(RegistryCsv.PARTIES_FILE));
        Files.delete(dir.resolve(RegistryCsv.BM_UNITS_FILE));
        assertEquals(List.of(
            "parties.csv: required file is missing",
            "bm_units.csv: required file is missing"),
            problems());
    }

    @Test
    void reportsMissingColumnsOnlyAndSkipsCrossFileRules() throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, "party_id,full_name\nALBN,Albion Energy Ltd\n");
        write(dir, RegistryCsv.BM_UNITS_FILE, "bm_unit_id,lead_party_id,trading_unit_id,interconnector,gsp_group\n");
        assertEquals(List.of(
            "parties.csv:1 column 'name': missing column; header is party_id,full_name",
            "bm_units.csv:1 column 'pc_status': missing column; header is " +
                "bm_unit_id,lead_party_id,trading_unit_id,interconnector,gsp_group",
            "bm_units.csv:1 column 'tlf': missing column; header is " +
                "bm_unit_id,lead_party_id,trading_unit_id,interconnector,gsp_group"),
            problems());
    }

    @Test
    void reportsAnEmptyFileOnce() throws IOException
    {
        write(dir, RegistryCsv.TLF_FILE, "");
        assertEquals(List.of("tlf.csv:1: the file is empty; expected the header gsp_group,season,tlf"), problems());
    }

    @Test
    void reportsAnUnclosedQuote() throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, "party_id,name\nALBN,\"Albion Energy Ltd\n");
        assertEquals(List.of("parties.csv:2: a quoted field is not closed before the end of the file"), problems());
    }

    @Test
    void reportsEveryProblemInEveryFileInFileAndLineOrder() throws IOException
    {
        write(dir, RegistryCsv.PARTIES_FILE, """
            party_id,name
            ALBN,Albion Energy Ltd
            SEVG,Severn Generation Ltd
            ALBN,Albion Again Ltd
            """);
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER + """
            T_SEVG-1,SEVG,X,TU_SEVG,N,_N,,,
            T_SEVG-2,NOPE,P,TU_SEVG,N,_Q,,,
            T_SEVG-3,SEVG,P,TU_SEVG,N,_N,0.9,2024-01-01,2023-12-31
            E_XXXXX-1,SEVG,P,E_XXXXX-1,N,_K,abc,,
            E_XXXXX-2,SEVG,P,E_XXXXX-2,N,_K,0.001,,
            """);
        write(dir, RegistryCsv.TLF_FILE, "gsp_group,season,tlf\n_A,SOMETIME,0.01\n");

        final InvalidInputException ex = assertThrows(InvalidInputException.class, () -> RegistryCsv.load(dir));

        final List<String> expected = List.of(
            "parties.csv:4 column 'party_id' value 'ALBN': duplicate party id; first defined on line 2",
            "bm_units.csv:2 column 'pc_status' value 'X': expected P or C",
            "bm_units.csv:3 column 'lead_party_id' value 'NOPE': unknown lead party; no party has this id",
            "bm_units.csv:3 column 'gsp_group' value '_Q': unknown GSP group; expected one of " + GSP_IDS,
            "bm_units.csv:4 column 'tlf' value '0.9': TLF outside the sane range [-0.5, 0.5]",
            "bm_units.csv:4 column 'effective_to' value '2023-12-31': effective_to is before effective_from 2024-01-01",
            "bm_units.csv:5 column 'tlf' value 'abc': not a number",
            "tlf.csv:2 column 'season' value 'SOMETIME': unknown season; expected WINTER, SPRING, SUMMER or AUTUMN");
        assertEquals(expected, ex.problems().stream().map(InputProblem::describe).toList());

        final String nl = System.lineSeparator();
        assertEquals(
            "cannot load market registry from " + dir + ": 8 problems, nothing was loaded" + nl + "  " +
            String.join(nl + "  ", expected),
            ex.getMessage());

        final InputProblem located = ex.problems().get(4);
        assertEquals("bm_units.csv", located.source());
        assertEquals(4, located.line());
        assertEquals("tlf", located.column());
        assertEquals("0.9", located.value());
        assertEquals("TLF outside the sane range [-0.5, 0.5]", located.reason());
    }

    @Test
    void aFailedLoadLeavesNothingBehindAndTheFixedFilesLoad() throws IOException
    {
        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER + GOOD_ROW + "T_SEVG-2,NOPE,P,TU_SEVG,N,_N,,,\n");
        assertEquals(1, problems().size());

        write(dir, RegistryCsv.BM_UNITS_FILE, BM_HEADER + GOOD_ROW + "T_SEVG-2,TRDR,P,TU_SEVG,N,_N,,,\n");
        assertEquals(2, RegistryCsv.load(dir).bmUnitCount());
    }
}

package io.gbsettle.core.files;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 4180 reading, physical line numbers for problems, and the typed field accessors every loader uses.
 */
final class CsvReaderTest
{
    private static CsvReader csv(final String text)
    {
        return new CsvReader("test.csv", new StringReader(text));
    }

    private static List<String> record(final CsvReader csv)
    {
        final List<String> fields = new ArrayList<>();
        for (int i = 0; i < csv.fieldCount(); i++)
        {
            fields.add(csv.field(i));
        }
        return fields;
    }

    @Test
    void readsQuotesEmbeddedSeparatorsLineBreaksAndCrlf()
    {
        try (CsvReader csv = csv("\uFEFFId, Name ,Note\r\nA,\"Smith, J\",\"said \"\"hi\"\"\"\r\n\r\nB, b ,\"two\nlines\"\nC,,\n"))
        {
            assertEquals(List.of("id", "name", "note"), csv.header());
            assertTrue(csv.next());
            assertEquals(List.of("A", "Smith, J", "said \"hi\""), record(csv));
            assertEquals(2, csv.line());
            assertTrue(csv.next());
            assertEquals(List.of("B", "b", "two\nlines"), record(csv));
            assertEquals(4, csv.line(), "the blank line 3 is skipped, the record starts on line 4");
            assertTrue(csv.next());
            assertEquals(List.of("C", "", ""), record(csv));
            assertEquals(6, csv.line(), "line 5 is the second line of the quoted field");
            assertFalse(csv.next());
        }
    }

    @Test
    void lastRecordWithoutLineFeedAndShortRecords()
    {
        try (CsvReader csv = csv("a,b,c\n1"))
        {
            assertTrue(csv.next());
            assertEquals("1", csv.field(csv.column("A")));
            assertEquals("", csv.field(csv.column("c")), "missing trailing fields read as empty");
            assertEquals("", csv.field(-1));
            assertFalse(csv.next());
        }
    }

    @Test
    void anUnclosedQuoteIsAProblemAtTheLineItOpens()
    {
        try (CsvReader csv = csv("a,b\n1,\"open\n2,3\n"))
        {
            final InvalidInputException ex = assertThrows(InvalidInputException.class, csv::next);
            assertEquals(List.of(new InputProblem("test.csv", 2, "", "",
                "a quoted field is not closed before the end of the file")), ex.problems());
        }
    }

    @Test
    void requireColumnsReportsEveryMissingColumnOrAnEmptyFileOnce()
    {
        final List<InputProblem> problems = new ArrayList<>();
        try (CsvReader csv = csv("b,x\n"))
        {
            assertNull(csv.requireColumns(problems, "a", "b", "c"));
        }
        assertEquals(List.of("test.csv:1 column 'a': missing column; header is b,x",
            "test.csv:1 column 'c': missing column; header is b,x"),
            problems.stream().map(InputProblem::describe).toList());

        problems.clear();
        try (CsvReader csv = csv(""))
        {
            assertNull(csv.requireColumns(problems, "a", "b"));
        }
        assertEquals(List.of("test.csv:1: the file is empty; expected the header a,b"),
            problems.stream().map(InputProblem::describe).toList());

        problems.clear();
        try (CsvReader csv = csv("B,a\n"))
        {
            assertArrayEquals(new int[] {1, 0}, csv.requireColumns(problems, "a", "b"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void typedFieldsReportLocatedProblemsAndReturnTheGivenMissingValues()
    {
        final List<InputProblem> problems = new ArrayList<>();
        try (CsvReader csv = csv("d,x,n,f\n2025-10-26,0.25,42,y\n,,,N\n2025-02-30,1d,4.2,maybe\n,NaN,,\n"))
        {
            assertTrue(csv.next());
            assertEquals(20_387, csv.epochDay(0, -1, -2, problems));
            assertEquals(0.25, csv.decimal(1, -1, -2, problems));
            assertEquals(42, csv.wholeNumber(2, -1, -2, problems));
            assertTrue(csv.flag(3, "Y", "N", problems));
            assertEquals(List.of(), problems);

            assertTrue(csv.next());
            assertEquals(-1, csv.epochDay(0, -1, -2, problems));
            assertEquals(-1, csv.decimal(1, -1, -2, problems));
            assertEquals(-1, csv.wholeNumber(2, -1, -2, problems));
            assertFalse(csv.flag(3, "Y", "N", problems));
            assertEquals(List.of(), problems, "blank fields are not problems");

            assertTrue(csv.next());
            assertEquals(-2, csv.epochDay(0, -1, -2, problems));
            assertEquals(-2, csv.decimal(1, -1, -2, problems));
            assertEquals(-2, csv.wholeNumber(2, -1, -2, problems));
            assertFalse(csv.flag(3, "Y", "N", problems));

            assertTrue(csv.next());
            assertEquals(-2, csv.decimal(1, -1, -2, problems));
        }
        assertEquals(List.of(
            "test.csv:4 column 'd' value '2025-02-30': not a date; expected YYYY-MM-DD",
            "test.csv:4 column 'x' value '1d': not a number",
            "test.csv:4 column 'n' value '4.2': not a whole number",
            "test.csv:4 column 'f' value 'maybe': expected Y or N",
            "test.csv:5 column 'x' value 'NaN': not a number"),
            problems.stream().map(InputProblem::describe).toList());
    }
}

package io.gbsettle.core.files;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.testing.PropertyChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

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
        try (CsvReader csv =
            csv("\uFEFFId, Name ,Note\r\nA,\"Smith, J\",\"said \"\"hi\"\"\"\r\n\r\nB, b ,\"two\nlines\"\nC,,\n"))
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
    void aByteOrderMarkBeforeAQuotedHeaderIsIgnored()
    {
        try (CsvReader csv = csv("\uFEFF\"party_id\",name\nP1,One\n"))
        {
            assertEquals(List.of("party_id", "name"), csv.header());
        }
    }

    @Test
    void loneCarriageReturnsEndRecordsAndCount()
    {
        try (CsvReader csv = csv("a,b\r1,2\r3,4"))
        {
            assertEquals(List.of("a", "b"), csv.header());
            assertTrue(csv.next());
            assertEquals(List.of("1", "2"), record(csv));
            assertEquals(2, csv.line());
            assertTrue(csv.next());
            assertEquals(List.of("3", "4"), record(csv));
            assertEquals(3, csv.line());
            assertFalse(csv.next());
        }
    }

    @Test
    void textAfterAClosingQuoteIsAProblem()
    {
        try (CsvReader csv = csv("a,b\n\"x\" ,y\n\"x\"y,z\n"))
        {
            assertTrue(csv.next());
            assertEquals(List.of("x", "y"), record(csv), "spaces after a closing quote are allowed");
            final InvalidInputException ex = assertThrows(InvalidInputException.class, csv::next);
            assertEquals(List.of(new InputProblem("test.csv", 3, "a", "",
                "text after the closing quote of a field; quote the whole field, doubling any quote inside")),
                ex.problems());
        }
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemNotACrash(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("parties.csv");
        Files.write(file, new byte[] {'i', 'd', '\n', 'C', 'a', 'f', (byte)0xE9, '\n'});
        final InvalidInputException ex = assertThrows(InvalidInputException.class, () ->
        {
            try (CsvReader csv = CsvReader.open(file))
            {
                while (csv.next())
                {
                    csv.field(0);
                }
            }
        });
        assertEquals(1, ex.problems().size());
        assertEquals("parties.csv", ex.problems().get(0).source());
        assertTrue(ex.problems().get(0).reason().startsWith("the file is not UTF-8 text"), ex::getMessage);
    }

    @Test
    void aColumnNamedTwiceIsAProblem()
    {
        final List<InputProblem> problems = new ArrayList<>();
        try (CsvReader csv = csv("id,tlf,TLF\n"))
        {
            assertNull(csv.requireColumns(problems, "id", "tlf"));
        }
        assertEquals(List.of("test.csv:1 column 'tlf': the column appears more than once in the header; keep one"),
            problems.stream().map(InputProblem::describe).toList());
    }

    @Test
    void writerOutputReadsBackExactly()
    {
        PropertyChecks.check(300).forAll(longs().all()).checkAssert(CsvReaderTest::roundTrips);
    }

    private static void roundTrips(final long seed)
    {
        final String alphabet = "ab ,\"\n\r\t\u00e9\u00a3x";
        final Random random = new Random(seed);
        final int columns = 1 + random.nextInt(4);
        final List<List<String>> records = new ArrayList<>();
        for (int r = random.nextInt(6); r >= 0; r--)
        {
            final List<String> record = new ArrayList<>();
            for (int c = 0; c < columns; c++)
            {
                final StringBuilder value = new StringBuilder();
                for (int n = random.nextInt(6); n > 0; n--)
                {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                record.add(value.toString());
            }
            records.add(record);
        }
        final StringWriter text = new StringWriter();
        try (CsvWriter writer = new CsvWriter("test.csv", text))
        {
            for (final List<String> record : records)
            {
                record.forEach(writer::field);
                writer.endRecord();
            }
        }
        final List<List<String>> read = new ArrayList<>();
        try (CsvReader csv = csv(text.toString()))
        {
            read.add(csv.header().isEmpty() ? List.of() : records.get(0));
            while (csv.next())
            {
                read.add(record(csv));
            }
        }
        assertEquals(records.subList(1, records.size()), read.subList(1, read.size()), text::toString);
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

package io.gbsettle.core.files;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvWriterTest
{
    @Test
    void quotesOnlyWhatTheReaderWouldOtherwiseChange()
    {
        final StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter("t.csv", text))
        {
            csv.field("a").field("b").field("c").field("d").field("e").field("f").field("g").endRecord();
            csv.field("plain").field("x, y").field("say \"hi\"").field(" padded ").field("two\nlines")
                .field("").field("cr\rhere").endRecord();
        }

        assertEquals(
            "a,b,c,d,e,f,g\nplain,\"x, y\",\"say \"\"hi\"\"\",\" padded \",\"two\nlines\",,\"cr\rhere\"\n",
            text.toString());

        try (CsvReader reader = new CsvReader("t.csv", new StringReader(text.toString())))
        {
            assertTrue(reader.next());
            final List<String> expected =
                List.of("plain", "x, y", "say \"hi\"", " padded ", "two\nlines", "", "cr\rhere");
            for (int i = 0; i < expected.size(); i++)
            {
                assertEquals(expected.get(i), reader.field(i));
            }
        }
    }
}

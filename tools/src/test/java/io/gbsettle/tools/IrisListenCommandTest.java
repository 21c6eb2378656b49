package io.gbsettle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.gbsettle.adapters.iris.IrisFolder;
import io.gbsettle.adapters.iris.amqp.EmbeddedBroker;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.registry.SyntheticRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * {@code bsc iris publish} then {@code bsc iris listen} against a real AMQP 1.0 broker (embedded Artemis): a day's
 * messages go through the queue into the journal, each completed once; a second run finds the queue empty.
 */
class IrisListenCommandTest extends InProcessBsc
{
    @Test
    void publishThenListenJournalsEveryMessageOfTheDay() throws Exception
    {
        final Path bundle = tmp.resolve("bundle");
        SyntheticBundle.write(SyntheticRegistry.generate(42, SyntheticRegistry.Size.SMALL), 42,
            LocalDate.of(2025, 6, 10), SettlementRun.SF, false, bundle);
        assertEquals(ExitCode.OK, bsc("iris", "export", "--bundle", bundle.toString(), "--dir",
            tmp.resolve("iris").toString()), err.toString());
        final int messages = IrisFolder.list(tmp.resolve("iris")).size();
        assertTrue(messages > 50, "messages: " + messages);
        try (EmbeddedBroker broker = EmbeddedBroker.start(null, 5, "bsc", "pw"))
        {
            broker.createQueue("iris.feed");
            final Path password = tmp.resolve("password");
            Files.writeString(password, "pw\n");
            assertEquals(ExitCode.OK, bsc("iris", "publish", "--dir", tmp.resolve("iris").toString(), "--amqp-url",
                broker.url(), "--queue", "iris.feed", "--user", "bsc", "--password-file", password.toString(),
                "--data"), err.toString());
            assertEquals(messages, broker.messageCount("iris.feed"));

            final String[] listen = {"iris", "listen", "--amqp-url", broker.url(), "--queue", "iris.feed", "--user",
                "bsc", "--password-file", password.toString(), "--journal", tmp.resolve("journal").toString(),
                "--registry", bundle.toString(), "--exit-when-idle", "1", "--no-gap-fill"};
            assertEquals(ExitCode.OK, bsc(listen), err.toString());
            assertTrue(out.toString().contains(String.format(java.util.Locale.ROOT, "%,d completed", messages)),
                out.toString());
            assertTrue(out.toString().contains(", 0 dead-lettered"), out.toString());
            assertFalse(out.toString().contains("pw"), "no password printed");
            assertEquals(0, broker.messageCount("iris.feed"));

            out.getBuffer().setLength(0);
            assertEquals(ExitCode.OK, bsc(listen), err.toString());
            assertTrue(out.toString().contains("0 messages (0.0 MB) received"), out.toString());
        }
    }

    @Test
    void usageErrors()
    {
        assertEquals(ExitCode.USAGE, bsc("iris", "listen", "--amqp-url", "http://x", "--queue", "q", "--journal",
            tmp.toString()));
        assertTrue(err.toString().contains("amqp[s]://"), err.toString());
        assertEquals(ExitCode.USAGE, bsc("iris", "listen", "--journal", tmp.toString()));
    }
}

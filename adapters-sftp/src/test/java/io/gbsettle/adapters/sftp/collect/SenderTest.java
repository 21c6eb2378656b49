package io.gbsettle.adapters.sftp.collect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;
import io.gbsettle.adapters.sftp.transport.SftpSession;
import io.gbsettle.adapters.sftp.transport.SftpTransport;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound files: RESERVED (bytes journaled) before sending, SENT after; a retry sends the journaled bytes; a name
 * sent once is not sent again; other bytes under a sent name are refused.
 */
final class SenderTest
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void reservedThenSentAndRetriesSendTheSameBytes() throws Exception
    {
        final Counterparty cp = server.counterparty("svaa", "in").withOutbox("in");
        final SftpContext context = SftpContext.of(List.of(cp), tmp.resolve("journal"), tmp.resolve("work"));
        final Path file = Files.writeString(tmp.resolve("S0142_20250101_SF.txt"), "AAA|report|\nZZZ|2|0|\n");
        final byte[] bytes = Files.readAllBytes(file);
        final List<String> lines = new ArrayList<>();
        try (PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
            SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            final Sender sender = new Sender(context, payloads, lines::add);
            assertEquals(Sender.Outcome.SENT, sender.send(cp, session, file));
            assertArrayEquals(bytes, Files.readAllBytes(server.root().resolve("in").resolve(file.getFileName())));
            assertEquals(Sender.Outcome.ALREADY_SENT, sender.send(cp, session, file));
            assertEquals(List.of(file.getFileName().toString()), server.list("in"));

            Files.writeString(file, "changed");
            final java.io.IOException ex = assertThrows(java.io.IOException.class, () -> sender.send(cp, session,
                file));
            assertTrue(ex.getMessage().contains("with other content was already sent"), ex.getMessage());
        }
        try (PayloadJournal payloads = PayloadJournal.openReadOnly(context.payloads(), context.journalConfig());
            PayloadReader reader = payloads.reader())
        {
            final PayloadEntry e = new PayloadEntry();
            final List<Integer> states = new ArrayList<>();
            while (reader.next(e))
            {
                states.add(e.state());
                if (e.state() == PayloadState.RESERVED)
                {
                    assertArrayEquals(bytes, e.bodyBytes());
                }
            }
            assertEquals(List.of(PayloadState.RESERVED, PayloadState.SENT), states);
        }
    }

    @Test
    void crashAfterTheRenameBeforeSentIsFoundDelivered() throws Exception
    {
        final Counterparty cp = server.counterparty("svaa", "in").withOutbox("in");
        final SftpContext context = SftpContext.of(List.of(cp), tmp.resolve("journal"), tmp.resolve("work"))
            .withRenameMode(SftpContext.RenameMode.PLAIN);
        final Path file = Files.writeString(tmp.resolve("report.csv"), "a,b\n1,2\n");
        try (PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig()))
        {
            final PayloadEntry reserved = new PayloadEntry().source(io.gbsettle.core.event.EventSource.SFTP)
                .state(PayloadState.RESERVED).channel("svaa").name("report.csv").kind("outbound")
                .contentHash(io.gbsettle.core.event.Hashing64.hash(new org.agrona.concurrent.UnsafeBuffer(
                    Files.readAllBytes(file)), 0, (int)Files.size(file)));
            final byte[] b = Files.readAllBytes(file);
            payloads.append(reserved.body(b, 0, b.length));
        }
        // The earlier attempt got as far as the rename.
        server.put("in", "report.csv", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        try (PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
            SftpTransport transport = new SftpTransport(cp, SftpTransport.DEFAULT_BUFFER_SIZE);
            SftpSession session = transport.open())
        {
            final Sender sender = new Sender(context, payloads, line -> { });
            assertEquals(Sender.Outcome.ALREADY_DELIVERED, sender.send(cp, session, file));
            assertEquals(List.of("report.csv"), server.list("in"));
            assertEquals(Sender.Outcome.ALREADY_SENT, sender.send(cp, session, file));
        }
    }
}

package io.gbsettle.adapters.sftp.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.adapters.sftp.testing.InboundSet;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.JournalReader;
import io.gbsettle.core.journal.PayloadState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance: a set of every inbound flow, with malformed, truncated, duplicate, wrong-checksum and conflicting
 * files among them, collected from the embedded SFTP server into a journaled engine. Asserts what was journaled
 * (the events in the engine's input journal), what was rejected (with its reason) and what was left on the server.
 */
final class CollectorTest
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @TempDir
    Path tmp;

    @Test
    void collectsEveryFlowRejectsTheBadOnesAndLeavesThemOnTheServer() throws Exception
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), 42);
        set.putAll(server, "outbox");
        final Counterparty cp = server.counterparty("elexon", "outbox");
        final SftpContext context = SftpContext.of(List.of(cp), tmp.resolve("journal"), tmp.resolve("work"));
        final List<String> lines = new ArrayList<>();

        final CycleSummary first;
        final CycleSummary second;
        final long submitted;
        final Map<String, Integer> states = new HashMap<>();
        try (Engine engine = Engine.launch(new EngineContext().registry(set.registry()).journalDir(context.journal()));
            io.gbsettle.core.journal.PayloadJournal payloads = io.gbsettle.core.journal.PayloadJournal.open(
                context.payloads(), context.journalConfig());
            Poller poller = new Poller(context, payloads, engine, new InboundFlows(set.registry()), lines::add))
        {
            poller.recover();
            final Poller.Pass pass = poller.pollOnce();
            assertEquals(List.of(), pass.failures());
            first = pass.cycles().get(0);
            second = poller.pollOnce().cycles().get(0);
            submitted = poller.collector().eventsSubmitted();
            engine.awaitProcessed(engine.nextPosition() - 1, 30, TimeUnit.SECONDS);
            for (final String name : set.good.keySet())
            {
                states.put(name, poller.collector().state("elexon", name));
            }
            for (final String name : set.bad.keySet())
            {
                states.put(name, poller.collector().state("elexon", name));
            }
        }

        final int all = set.good.size() + set.bad.size() + set.duplicates.size();
        assertEquals(all, first.listed(), lines::toString);
        assertEquals(set.good.size(), first.journaled(), lines::toString);
        assertEquals(set.duplicates.size(), first.duplicates(), lines::toString);
        assertEquals(set.bad.size(), first.rejected(), lines::toString);
        assertEquals(set.good.size(), first.acknowledged(), lines::toString);
        assertEquals(submitted, first.events());
        assertTrue(first.events() > 0);

        // Second cycle: the rejected files are still there, unchanged, and are not fetched again.
        assertEquals(set.bad.size(), second.listed());
        assertEquals(set.bad.size(), second.skipped());
        assertEquals(0, second.journaled() + second.rejected() + second.duplicates());

        // Left on the server: exactly the rejected files.
        assertEquals(new ArrayList<>(new java.util.TreeSet<>(set.bad.keySet())), server.list("outbox"));

        for (final String name : set.good.keySet())
        {
            assertEquals(PayloadState.ACKNOWLEDGED, states.get(name), name);
        }
        for (final String name : set.bad.keySet())
        {
            assertEquals(PayloadState.REJECTED, states.get(name), name);
            assertTrue(Files.exists(context.errors("elexon").resolve(name)), name);
        }
        final Map<String, String> reasons = new HashMap<>();
        for (final String name : set.bad.keySet())
        {
            reasons.put(name, Files.readString(context.errors("elexon").resolve(name + ".reason")).trim());
        }
        assertEquals("XX09GARBAGE rejected (1 problem)\nfile line 1: not a settlement flat file: the first record " +
            "is not ZHV (DTC), ZHD (pool) or AAA (IDD)", reasons.get("XX09GARBAGE"));
        assertEquals("CD10TRUNCATED rejected (3 problems)\n" +
            "C0421 line 1102 ABP date 20240305 period 21 [2__JCOTS000]: a IDD record ends with |\n" +
            "C0421 ABV date 20240305 [2__JCOTS000]: in this ABV: ABP: 21 records, expected 48 (the Settlement " +
            "Day's periods)\n" +
            "C0421 line 1102: no trailer ZZZ: the file is truncated or incomplete", reasons.get("CD10TRUNCATED"));
        assertEquals("CD11CHECKSUM rejected (1 problem)\nC0421 line 2207 ZZZ: the checksum is 1851069204, the " +
            "records give 1851069205: the file was altered or damaged in transfer", reasons.get("CD11CHECKSUM"));
        assertEquals("duplicate business key IDD|CD|UKDC|C0421002|1 with other content: already received as " +
            "CD01C0421A (journal entry 0, sha256 " + sha256(set.good.get("CD01C0421A")) + "), this file has sha256 " +
            sha256(set.bad.get("CD12CONFLICT")) + "; quarantined, not processed", reasons.get("CD12CONFLICT"));
        assertTrue(lines.contains("elexon CD08C0421COPY: DUPLICATE same business key IDD|CD|UKDC|C0421002|1 and " +
            "content as CD01C0421A (journal entry 0)"), lines::toString);

        // Meter data and S0142 went to their folders.
        assertTrue(Files.list(context.meterData()).count() >= 3, () -> "meter data: " + context.meterData());
        assertTrue(Files.exists(context.reconciliation("elexon").resolve("SA07S0142A")));

        // The engine's input journal holds every event once, all from SFTP.
        final Map<Long, Integer> keys = sftpEventKeys(context.journal());
        assertEquals(submitted, keys.size());
        assertTrue(keys.values().stream().allMatch(n -> n == 1), "each event journaled once");
    }

    @Test
    void redeliveryIsADuplicateAndAFileInterruptedAfterItsBytesWereJournaledIsFinishedOnRestart() throws Exception
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), 42);
        final byte[] c0421 = set.good.get("CD01C0421A");
        final byte[] ecvn = set.good.get("EC02E0041A");
        final Counterparty cp = server.counterparty("elexon", "outbox");
        final SftpContext context = SftpContext.of(List.of(cp), tmp.resolve("journal"), tmp.resolve("work"));
        final List<String> lines = new ArrayList<>();
        // A crash after RECEIVED: the ECVN's bytes are journaled, nothing else happened; the file is still there.
        try (io.gbsettle.core.journal.PayloadJournal payloads = io.gbsettle.core.journal.PayloadJournal.open(
            context.payloads(), context.journalConfig()))
        {
            payloads.append(new io.gbsettle.core.journal.PayloadEntry().source(EventSource.SFTP)
                .state(PayloadState.RECEIVED).channel("elexon").name("EC02E0041A").kind("ECVN")
                .contentHash(io.gbsettle.core.event.Hashing64.hash(new UnsafeBuffer(ecvn), 0, ecvn.length))
                .detail(ReceivedDetail.of(sha256(ecvn), ecvn.length, 0, 0, "IDD|EC|UKDC|E0041001|1"))
                .body(ecvn, 0, ecvn.length));
        }
        server.put("outbox", "EC02E0041A", ecvn);
        server.put("outbox", "CD01C0421A", c0421);
        try (Engine engine = Engine.launch(new EngineContext().registry(set.registry()).journalDir(context.journal()));
            io.gbsettle.core.journal.PayloadJournal payloads = io.gbsettle.core.journal.PayloadJournal.open(
                context.payloads(), context.journalConfig());
            Poller poller = new Poller(context, payloads, engine, new InboundFlows(set.registry()), lines::add))
        {
            assertEquals(1, poller.recover());
            assertEquals(PayloadState.JOURNALED, poller.collector().state("elexon", "EC02E0041A"));
            final long afterRecovery = poller.collector().eventsSubmitted();
            assertTrue(afterRecovery > 0);

            final CycleSummary first = poller.pollOnce().cycles().get(0);
            assertEquals(1, first.journaled(), lines::toString);
            assertEquals(2, first.acknowledged(), lines::toString);
            assertEquals(PayloadState.ACKNOWLEDGED, poller.collector().state("elexon", "EC02E0041A"));
            assertEquals(List.of(), server.list("outbox"));
            final long events = poller.collector().eventsSubmitted();

            server.put("outbox", "CD01C0421A", c0421);
            final CycleSummary again = poller.pollOnce().cycles().get(0);
            assertEquals(1, again.duplicates(), lines::toString);
            assertEquals(0, again.journaled());
            assertEquals(List.of(), server.list("outbox"));
            assertEquals(events, poller.collector().eventsSubmitted(), "no event submitted for the redelivery");
            assertTrue(lines.contains("elexon CD01C0421A: DUPLICATE redelivered: same counterparty, name and " +
                "content as journal entry 3"), lines::toString);
        }
        final Map<Long, Integer> keys = sftpEventKeys(context.journal());
        assertTrue(keys.values().stream().allMatch(n -> n == 1), "each event journaled once");
    }

    static String sha256(final byte[] bytes) throws java.security.NoSuchAlgorithmException
    {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * @return idempotency key -> occurrences of every SFTP record in the engine's input journal.
     */
    static Map<Long, Integer> sftpEventKeys(final Path journalDir)
    {
        final Map<Long, Integer> keys = new HashMap<>();
        try (Journal journal = Journal.openReadOnly(journalDir, new JournalConfig());
            JournalReader reader = journal.inputs().reader())
        {
            final InputEvent event = new InputEvent();
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[InputEvent.LENGTH]);
            while (reader.poll((final DirectBuffer buffer, final int offset, final long position) ->
            {
                copy.putBytes(0, buffer, offset, InputEvent.LENGTH);
                event.wrap(copy, 0);
                if (event.source() == EventSource.SFTP)
                {
                    keys.merge(event.idempotencyKey(), 1, Integer::sum);
                }
            }, 1024) > 0)
            {
                // drain
            }
        }
        return keys;
    }
}

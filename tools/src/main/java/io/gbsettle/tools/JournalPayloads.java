package io.gbsettle.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.journal.Journal;
import io.gbsettle.core.journal.JournalConfig;
import io.gbsettle.core.journal.PayloadEntry;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.journal.PayloadReader;
import io.gbsettle.core.journal.PayloadState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc journal payloads}: what the adapters received and sent (files, messages), what became of each, and the
 * raw bytes of any of them, from a {@link PayloadJournal}.
 */
@Command(
    name = "payloads",
    mixinStandardHelpOptions = true,
    description = {
        "List the entries of the adapters' payload journal (DIR/payloads): every file collected or sent and every",
        "message received, with its state (RECEIVED, JOURNALED, ACKNOWLEDGED, REJECTED with its reason, ...), its",
        "channel, name, kind, content hash and the engine input positions of its events. With --body, write the raw",
        "bytes of one entry to a file (or standard output) exactly as they were received."},
    footer = {"",
        "Example: ./bsc journal payloads --journal out/demo/journal --state REJECTED",
        "More:",
        "  ./bsc journal payloads --journal out/journal --kind D0036 --format csv",
        "  ./bsc journal payloads --journal out/journal --body 17 --out rejected-file.usr",
        "",
        "Exit codes: 0 ok, 2 usage (no payload journal, unknown state, no such entry), 3 failure."})
final class JournalPayloads implements Runnable
{
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "The engine journal directory (the payloads are in DIR/payloads), or the payload journal itself.")
    Path dir;

    @Option(names = "--state", paramLabel = "STATE", description = "Only entries in this state (e.g. REJECTED).")
    String state;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only entries of this flow or dataset (e.g. D0036).")
    String kind;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only entries whose name contains TEXT.")
    String name;

    @Option(names = "--from", paramLabel = "POSITION", defaultValue = "0",
        description = "First position to read (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "At most N entries; 0 for all (default: ${DEFAULT-VALUE}).")
    long limit;

    @Option(names = "--body", paramLabel = "POSITION", description = "Write the raw bytes of this entry instead.")
    Long body;

    @Option(names = "--out", paramLabel = "FILE", description = "With --body: the file to write (default: stdout).")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    JournalCommand.InspectFormat format;

    @Override
    public void run()
    {
        if (from < 0 || limit < 0)
        {
            throw usage("--from and --limit must be >= 0");
        }
        final int stateCode = state == null ? -1 : stateCode(state);
        final Path payloads = Files.isDirectory(dir.resolve(PayloadJournal.DIRECTORY)) ?
            dir.resolve(PayloadJournal.DIRECTORY) : dir;
        if (Files.isDirectory(payloads.resolve(Journal.INPUTS)) || !Files.isDirectory(payloads))
        {
            throw usage("no payload journal at " + dir.resolve(PayloadJournal.DIRECTORY) +
                " (no adapter has written to this journal)");
        }
        final PayloadJournal journal = PayloadJournal.openReadOnly(payloads, new JournalConfig());
        try (journal; PayloadReader reader = journal.reader())
        {
            final PayloadEntry entry = new PayloadEntry();
            if (body != null)
            {
                writeBody(reader, entry, body);
                return;
            }
            reader.seek(from);
            final PrintWriter printer = spec.commandLine().getOut();
            final TableOut table = format == JournalCommand.InspectFormat.text ? null :
                new TableOut(OutputFormat.valueOf(format.name()), "position", "time", "source", "state", "channel",
                    "name", "kind", "content_hash", "ref", "event_from", "event_to", "bytes", "detail");
            long printed = 0;
            while ((limit == 0 || printed < limit) && reader.next(entry))
            {
                if ((stateCode >= 0 && entry.state() != stateCode) || (kind != null && !kind.equals(entry.kind())) ||
                    (name != null && !entry.name().contains(name)))
                {
                    continue;
                }
                printed++;
                final String time = Instant.ofEpochSecond(0, entry.timeMicros() * 1000L).toString();
                if (table == null)
                {
                    printer.println(entry.position() + " " + time + " " + EventSource.name(entry.source()) + " " +
                        PayloadState.name(entry.state()) + " " + entry.channel() + " " + entry.name() +
                        (entry.kind().isEmpty() ? "" : " " + entry.kind()) +
                        (entry.ref() >= 0 ? " ref=" + entry.ref() : "") +
                        (entry.eventFrom() >= 0 ? " events=" + entry.eventFrom() + ".." + entry.eventTo() : "") +
                        (entry.bodyLength() > 0 ? " bytes=" + entry.bodyLength() : "") +
                        (entry.detail().isEmpty() ? "" : " " + entry.detail()));
                }
                else
                {
                    table.row(Long.toString(entry.position()), time, EventSource.name(entry.source()),
                        PayloadState.name(entry.state()), entry.channel(), entry.name(), entry.kind(),
                        Long.toHexString(entry.contentHash()), Long.toString(entry.ref()),
                        Long.toString(entry.eventFrom()), Long.toString(entry.eventTo()),
                        Integer.toString(entry.bodyLength()), entry.detail());
                }
            }
            if (table != null)
            {
                table.writeTo(printer, "payloads");
            }
            printer.flush();
        }
    }

    private void writeBody(final PayloadReader reader, final PayloadEntry entry, final long position)
    {
        reader.seek(position);
        if (!reader.next(entry) || entry.position() != position)
        {
            throw usage("no payload entry at position " + position);
        }
        if (entry.bodyLength() == 0)
        {
            throw usage("payload entry " + position + " (" + PayloadState.name(entry.state()) +
                ") carries no bytes" + (entry.ref() >= 0 ? "; its payload is entry " + entry.ref() : ""));
        }
        try
        {
            if (out == null)
            {
                System.out.write(entry.bodyBytes());
                System.out.flush();
            }
            else
            {
                Files.write(out, entry.bodyBytes());
                spec.commandLine().getErr().println("wrote " + entry.bodyLength() + " bytes of " + entry.name() +
                    " to " + out);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + (out == null ? "stdout" : out), ex);
        }
    }

    private int stateCode(final String text)
    {
        for (int code = 1; code <= PayloadState.ABANDONED; code++)
        {
            if (PayloadState.name(code).equalsIgnoreCase(text))
            {
                return code;
            }
        }
        throw usage("unknown state '" + text + "'; one of RECEIVED, VERIFIED, JOURNALED, ACKNOWLEDGED, REJECTED, " +
            "DUPLICATE, DEAD_LETTERED, RESERVED, SENT, ABANDONED");
    }

    private ParameterException usage(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}

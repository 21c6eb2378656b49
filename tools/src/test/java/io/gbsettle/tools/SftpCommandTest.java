package io.gbsettle.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.gbsettle.adapters.sftp.testing.InboundSet;
import io.gbsettle.adapters.sftp.testing.SftpServerExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bsc sftp poll|send} against the embedded SFTP server: one counterparty as options and as a configuration
 * file, exit codes, progress lines, the journal's registry reused, refusals.
 */
final class SftpCommandTest extends InProcessBsc
{
    @RegisterExtension
    final SftpServerExtension server = new SftpServerExtension();

    @Test
    void pollOnceWithOptionsCollectsTheFilesAndReportsRejections()
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), 42);
        set.putAll(server, "outbox");
        final Path journal = tmp.resolve("journal");
        final List<String> args = new ArrayList<>(connection("outbox"));
        args.addAll(List.of("--journal", journal.toString(), "--registry", tmp.resolve("bundle").toString(),
            "--once"));
        final String[] line = args.toArray(new String[0]);

        assertEquals(ExitCode.DATA_PROBLEMS, bsc(line), err::toString);
        assertTrue(out.toString().contains("[1/3] engine on journal " + journal), out::toString);
        assertTrue(out.toString().contains("done: " + set.good.size() + " files journaled"), out::toString);
        assertTrue(out.toString().contains(set.bad.size() + " rejected, 0 counterparties failed"), out::toString);
        assertEquals(new ArrayList<>(new TreeSet<>(set.bad.keySet())), server.list("outbox"));
        assertTrue(Files.exists(journal.resolve("sftp/error/counterparty/XX09GARBAGE.reason")));

        // Again, without --registry (the journal holds it): the rejected files are left alone, nothing new.
        final List<String> again = new ArrayList<>(connection("outbox"));
        again.addAll(List.of("--journal", journal.toString(), "--once"));
        assertEquals(ExitCode.OK, bsc(again.toArray(new String[0])), err::toString);
        assertTrue(out.toString().contains("done: 0 files journaled"), out::toString);
    }

    @Test
    void pollWithAConfigFile() throws Exception
    {
        final InboundSet set = new InboundSet(tmp.resolve("bundle"), 42);
        set.good.forEach((name, bytes) -> server.put("outbox", name, bytes));
        final Path config = tmp.resolve("sftp.properties");
        Files.writeString(config, String.join("\n",
            "journal = journal",
            "work = work",
            "registry = bundle",
            "counterparties = elexon",
            "counterparty.elexon.host = 127.0.0.1",
            "counterparty.elexon.port = " + server.port(),
            "counterparty.elexon.user = " + SftpServerExtension.USER,
            "counterparty.elexon.key = " + server.clientKeyFile(),
            "counterparty.elexon.knownHosts = " + server.knownHosts(),
            "counterparty.elexon.inbox = outbox",
            "counterparty.elexon.done = done",
            "counterparty.elexon.opTimeout = 20s",
            ""));
        Files.createDirectories(server.root().resolve("done"));
        assertEquals(ExitCode.OK, bsc("sftp", "poll", "--config", config.toString(), "--once"), err::toString);
        assertEquals(List.of(), server.list("outbox"));
        assertEquals(new ArrayList<>(new TreeSet<>(set.good.keySet())), server.list("done"));
        assertTrue(Files.isDirectory(tmp.resolve("work/meter-data")), out::toString);
    }

    @Test
    void sendUploadsUnderATemporaryNameThenRenames() throws Exception
    {
        server.counterparty("x", "inbox");
        final Path file = Files.writeString(tmp.resolve("report.csv"), "a,b\n1,2\n");
        final List<String> args = new ArrayList<>(List.of("sftp", "send"));
        args.addAll(connection("inbox").subList(2, connection("inbox").size()));
        args.addAll(List.of("--journal", tmp.resolve("journal").toString(), file.toString()));
        assertEquals(ExitCode.OK, bsc(args.toArray(new String[0])), err::toString);
        assertEquals("a,b\n1,2\n", Files.readString(server.root().resolve("inbox/report.csv")));
        assertTrue(out.toString().contains("report.csv: sent (8 bytes) to inbox"), out::toString);
        assertEquals(ExitCode.OK, bsc(args.toArray(new String[0])), err::toString);
        assertTrue(out.toString().contains("report.csv: already sent"), out::toString);
    }

    @Test
    void unknownHostKeyFailsWithTheFingerprint() throws Exception
    {
        server.counterparty("x", "outbox");
        Files.writeString(server.knownHosts(), "");
        final List<String> args = new ArrayList<>(connection("outbox"));
        args.addAll(List.of("--journal", tmp.resolve("journal").toString(), "--registry",
            writeRegistry().toString(), "--once"));
        assertEquals(ExitCode.FAILURE, bsc(args.toArray(new String[0])));
        assertTrue(err.toString().contains("UNKNOWN host key: [127.0.0.1]:" + server.port() + " is not in " +
            "known_hosts file"), err::toString);
        assertTrue(err.toString().contains("SHA256:"), err::toString);
    }

    @Test
    void usageErrors()
    {
        assertEquals(ExitCode.USAGE, bsc("sftp"));
        assertEquals(ExitCode.USAGE, bsc("sftp", "poll", "--once"));
        assertTrue(err.toString().contains("give --config FILE, or all of --host --user --key --known-hosts " +
            "--remote-dir --journal"), err::toString);
        assertEquals(ExitCode.OK, bsc("sftp", "poll", "--help"));
        assertTrue(out.toString().contains("Example"), out::toString);
    }

    private List<String> connection(final String remoteDir)
    {
        return List.of("sftp", "poll", "--host", "127.0.0.1", "--port", Integer.toString(server.port()), "--user",
            SftpServerExtension.USER, "--key", server.clientKeyFile().toString(), "--known-hosts",
            server.knownHosts().toString(), "--remote-dir", remoteDir);
    }

    private Path writeRegistry()
    {
        final Path dir = tmp.resolve("registry");
        io.gbsettle.core.files.RegistryCsv.write(io.gbsettle.core.registry.SyntheticRegistry.generate(1,
            io.gbsettle.core.registry.SyntheticRegistry.Size.SMALL), dir);
        return dir;
    }
}

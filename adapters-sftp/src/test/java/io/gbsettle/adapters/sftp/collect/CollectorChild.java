package io.gbsettle.adapters.sftp.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.gbsettle.adapters.sftp.config.Counterparty;
import io.gbsettle.adapters.sftp.config.SftpContext;
import io.gbsettle.adapters.sftp.flow.InboundFlows;
import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.engine.EngineContext;
import io.gbsettle.core.journal.PayloadJournal;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.registry.SyntheticRegistry;

/**
 * The collector in a child JVM for {@link CollectorCrashTest}: recovers, polls the counterparty once, prints every
 * progress line as {@code progress ...} and finally {@code done}. Arguments: port, key file, known_hosts file, inbox,
 * journal dir, work dir, registry seed.
 */
public final class CollectorChild
{
    private CollectorChild()
    {
    }

    /**
     * @param args port key knownHosts inbox journal work seed.
     * @throws Exception on any failure (the test sees the exit code and stderr).
     */
    public static void main(final String[] args) throws Exception
    {
        final Counterparty cp = new Counterparty("elexon", "127.0.0.1", Integer.parseInt(args[0]), "gbsettle",
            Path.of(args[1]), Path.of(args[2]), args[3], null, null, null, null, null, null, Duration.ofSeconds(20));
        final SftpContext context = SftpContext.of(List.of(cp), Path.of(args[4]), Path.of(args[5]));
        final MarketRegistry registry = SyntheticRegistry.generate(Long.parseLong(args[6]),
            SyntheticRegistry.Size.SMALL);
        try (Engine engine = Engine.launch(new EngineContext().registry(registry).journalDir(context.journal()));
            PayloadJournal payloads = PayloadJournal.open(context.payloads(), context.journalConfig());
            Poller poller = new Poller(context, payloads, engine, new InboundFlows(registry),
                line -> System.out.println("progress " + line)))
        {
            System.out.println("progress started");
            poller.recover();
            final Poller.Pass pass = poller.pollOnce();
            if (!pass.failures().isEmpty())
            {
                System.out.println("failed " + pass.failures());
                System.exit(3);
            }
        }
        System.out.println("done");
    }
}

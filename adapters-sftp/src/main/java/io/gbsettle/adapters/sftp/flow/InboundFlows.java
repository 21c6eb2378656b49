package io.gbsettle.adapters.sftp.flow;

import java.nio.file.Path;
import java.util.List;

import io.gbsettle.core.registry.MarketRegistry;
import org.agrona.DirectBuffer;

/**
 * Verifies and maps whole inbound files: the one entry point the collector calls. {@link #verify} checks the
 * envelope, record count, checksum, structure and every field against the flow catalogue (and the registry for
 * BM Units and parties); then, by {@link InboundFile#destination()}, an accepted file is mapped to input records
 * ({@link #toEvents}), written for the meter-data stage ({@link #toMeterData}) or read as Elexon's figures
 * ({@link S0142Report#read}). Never throws on bad bytes: a bad file is a rejected {@link InboundFile}.
 *
 * <p>Thread-confined (one instance per collector thread) and reusable: parse state and the event buffer are
 * allocated once.
 */
public final class InboundFlows
{
    private final MarketRegistry registry;
    private final FlowOptions options;

    /**
     * With the built-in flow catalogue and {@link FlowOptions#DEFAULTS}.
     *
     * @param registry BM Units and parties, to check subjects and map them to indices.
     */
    public InboundFlows(final MarketRegistry registry)
    {
        this(registry, FlowOptions.DEFAULTS);
    }

    /**
     * @param registry BM Units and parties.
     * @param options  the choices.
     */
    public InboundFlows(final MarketRegistry registry, final FlowOptions options)
    {
        this.registry = registry;
        this.options = options;
    }

    /**
     * Verifies a whole file: envelope (BOM stripped, ASCII only, CRLF or LF), header, trailer record count and
     * checksum, record structure and cardinality, every field's type, and registry subjects. Never throws on bad
     * bytes.
     *
     * @param fileName the file's name (for problems and the result).
     * @param bytes    the file's bytes.
     * @param offset   of the first byte.
     * @param length   of the file.
     * @return what was found.
     */
    public InboundFile verify(final String fileName, final DirectBuffer bytes, final int offset, final int length)
    {
        return new InboundFile(fileName, null, null, "", "", 0, 0, false,
            List.of(new FileProblem("", "", 0, "", 0, 0, "", FileProblem.FILE_TYPE, "not implemented yet")), 1,
            Destination.NONE);
    }

    /**
     * Maps a verified file whose destination is {@link Destination#ENGINE} (C0421 → METERED_VOLUME, ECVN →
     * ECVN_LINE, MVRN → MVRN_LINE) to input records handed to {@code sink}. The records of a file are the same bytes
     * every time it is mapped (the source key comes from the file's business key and the record's line), so a
     * resubmission after a crash is a no-op in the engine.
     *
     * @param file   the result of {@link #verify} on these bytes; must be accepted and for the engine.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param source the {@link io.gbsettle.core.event.EventSource} to stamp ({@code EventSource.SFTP}).
     * @param sink   takes each record.
     * @return the number of records handed over.
     * @throws IllegalArgumentException if the file is not accepted or not for the engine.
     */
    public long toEvents(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length, final int source,
        final EventSink sink)
    {
        if (!file.accepted() || file.destination() != Destination.ENGINE)
        {
            throw new IllegalArgumentException("not an accepted engine-bound file: " + file);
        }
        return 0;
    }

    /**
     * Writes a verified meter-data file (D0036, D0275 → {@code *.usr}; D0265 → {@code *.ptf}, the names
     * {@link io.gbsettle.core.mhhs.MeterFlows} and {@code bsc meter-data ingest} use) into {@code dir}, atomically
     * (temporary name, then rename) and byte for byte.
     *
     * @param file   the result of {@link #verify}; must be accepted and for {@link Destination#METER_DATA}.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param dir    the meter-data folder the collector names (created if missing).
     * @return the file written.
     * @throws java.io.UncheckedIOException if it cannot be written.
     */
    public Path toMeterData(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length, final Path dir)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * @return the registry subjects are checked against.
     */
    public MarketRegistry registry()
    {
        return registry;
    }

    /**
     * @return the choices in force.
     */
    public FlowOptions options()
    {
        return options;
    }
}

package io.gbsettle.core.mhhs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.gbsettle.core.kernel.aggregate.MeterColumns;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The columnar, memory-mapped, off-heap store of one Settlement Day of meter-point reads: one file per column, mapped
 * with {@link FileChannel#map} and read through {@link UnsafeBuffer}s without copying, so a national day (33 million
 * MPANs x 48 periods x 4 bytes = 6.3 GB of values) lives in the page cache, not on the heap.
 *
 * <pre>
 *   store.properties   format, settlement date, periods, slots, segment shift, read counts
 *   mpan.bin           long per slot: the MPAN core (13 digits)
 *   key.bin            int  per slot: aggregation key (keys.csv row), -1 = no registration on the day
 *   present.bin        long per slot: bit p-1 = period p read
 *   estimated.bin      long per slot: bit p-1 = that read estimated
 *   values.bin         int  per slot x period: Wh, row-major, mapped in segments of 2^23 slots (< 2 GB each)
 *   mpan_index.bin     open-addressing hash MPAN -> slot: capacity longs then capacity ints (load factor <= 1/2)
 *   keys.csv llf.csv gsp_take.csv ingest_rejections.csv        small tables: {@link MeterDayTables}
 * </pre>
 *
 * <p>Slots are ordered by aggregation key by the writers (generator and ingest), so that the kernel's accumulators
 * stay in cache; the kernel is correct in any order. Every mapping is released by {@link #close()}
 * ({@link IoUtil#unmap}); a closed store must not be used.
 */
public final class MeterStore implements AutoCloseable
{
    /** Store metadata. */
    public static final String META_FILE = "store.properties";
    /** MPAN per slot. */
    public static final String MPAN_FILE = "mpan.bin";
    /** Key per slot. */
    public static final String KEY_FILE = "key.bin";
    /** Present bits per slot. */
    public static final String PRESENT_FILE = "present.bin";
    /** Estimated bits per slot. */
    public static final String ESTIMATED_FILE = "estimated.bin";
    /** Values. */
    public static final String VALUES_FILE = "values.bin";
    /** MPAN to slot hash index. */
    public static final String INDEX_FILE = "mpan_index.bin";

    /**
     * Most MPAN slots a store holds: the hash index (capacity at least twice the slots, a power of two) must stay
     * under the 2 GB one mapping can index. 67 million, twice Great Britain's meter points.
     */
    public static final int MAX_SLOTS = 1 << 26;

    private static final String FORMAT = "gbsettle-meter-store-1";
    private static final long EMPTY = 0;

    private final Path dir;
    private final LocalDate date;
    private final int periods;
    private final int slots;
    private final int segmentShift;
    private final boolean writable;
    private final List<MappedByteBuffer> mappings = new ArrayList<>();
    private final UnsafeBuffer mpans;
    private final UnsafeBuffer indexKeys;
    private final UnsafeBuffer indexSlots;
    private final int indexMask;
    private final MeterColumns columns;
    private final Properties meta;
    private boolean closed;

    private MeterStore(final Path dir, final Properties meta, final boolean create, final boolean writable)
    {
        this.dir = dir;
        this.meta = meta;
        this.writable = writable;
        this.date = LocalDate.parse(meta.getProperty("date"));
        this.periods = Integer.parseInt(meta.getProperty("periods"));
        this.slots = Integer.parseInt(meta.getProperty("slots"));
        this.segmentShift = Integer.parseInt(meta.getProperty("segmentShift"));
        final int capacity = indexCapacity(slots);
        this.indexMask = capacity - 1;
        try
        {
            mpans = map(MPAN_FILE, 0, 8L * slots, create);
            final UnsafeBuffer keys = map(KEY_FILE, 0, 4L * slots, create);
            final UnsafeBuffer present = map(PRESENT_FILE, 0, 8L * slots, create);
            final UnsafeBuffer estimated = map(ESTIMATED_FILE, 0, 8L * slots, create);
            indexKeys = map(INDEX_FILE, 0, 8L * capacity, create);
            indexSlots = map(INDEX_FILE, 8L * capacity, 4L * capacity, create);
            final int segments = MeterColumns.segmentCount(slots, segmentShift);
            final MutableDirectBuffer[] values = new MutableDirectBuffer[segments];
            long offset = 0;
            for (int i = 0; i < segments; i++)
            {
                final long bytes = MeterColumns.segmentBytes(slots, periods, segmentShift, i);
                values[i] = map(VALUES_FILE, offset, bytes, create);
                offset += bytes;
            }
            columns = new MeterColumns(slots, periods, segmentShift, values, present, estimated, keys);
        }
        catch (final IOException | RuntimeException ex)
        {
            unmapAll();
            if (ex instanceof IOException)
            {
                throw new UncheckedIOException("cannot map the meter store in " + dir, (IOException)ex);
            }
            throw (RuntimeException)ex;
        }
    }

    /**
     * Creates an empty store (files sized and zeroed, every slot's key {@link MeterColumns#NO_KEY}), open for
     * writing. Existing store files in the directory are replaced.
     *
     * @param dir     the directory, created if missing.
     * @param date    the Settlement Day.
     * @param periods its periods (46, 48 or 50).
     * @param slots   MPAN slots, at most {@link #MAX_SLOTS}.
     * @return the store.
     */
    public static MeterStore create(final Path dir, final LocalDate date, final int periods, final int slots)
    {
        if (slots < 0 || slots > MAX_SLOTS)
        {
            throw new IllegalArgumentException("a meter store holds 0.." + MAX_SLOTS + " MPANs, not " + slots);
        }
        final Properties meta = new Properties();
        meta.setProperty("format", FORMAT);
        meta.setProperty("date", date.toString());
        meta.setProperty("periods", Integer.toString(periods));
        meta.setProperty("slots", Integer.toString(slots));
        meta.setProperty("segmentShift", Integer.toString(MeterColumns.DEFAULT_SEGMENT_SHIFT));
        try
        {
            Files.createDirectories(dir);
            for (final String name : List.of(MPAN_FILE, KEY_FILE, PRESENT_FILE, ESTIMATED_FILE, VALUES_FILE,
                INDEX_FILE))
            {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the meter store in " + dir, ex);
        }
        final MeterStore store = new MeterStore(dir, meta, true, true);
        for (int s = 0; s < slots; s++)
        {
            store.columns.putKey(s, MeterColumns.NO_KEY);
        }
        store.writeMeta();
        return store;
    }

    /**
     * Opens an existing store.
     *
     * @param dir      the store directory.
     * @param writable whether to map it for writing (ingest) or read only (aggregation).
     * @return the store.
     * @throws UncheckedIOException if it is not a store.
     */
    public static MeterStore open(final Path dir, final boolean writable)
    {
        final Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(META_FILE), StandardCharsets.UTF_8))
        {
            meta.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not a meter store: " + dir + " (" + ex.getMessage() + ")", ex);
        }
        if (!FORMAT.equals(meta.getProperty("format")))
        {
            throw new UncheckedIOException(new IOException("not a meter store of format " + FORMAT + ": " + dir));
        }
        return new MeterStore(dir, meta, false, writable);
    }

    private UnsafeBuffer map(final String name, final long offset, final long length, final boolean create)
        throws IOException
    {
        final Path file = dir.resolve(name);
        final StandardOpenOption[] options = writable ?
            new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE} :
            new StandardOpenOption[] {StandardOpenOption.READ};
        try (FileChannel channel = FileChannel.open(file, options))
        {
            if (!create && channel.size() < offset + length)
            {
                throw new IOException(file + " is shorter than the store needs (" + (offset + length) + " bytes)");
            }
            if (length == 0)
            {
                return new UnsafeBuffer(new byte[0]);
            }
            final MappedByteBuffer buffer = channel.map(writable ? FileChannel.MapMode.READ_WRITE :
                FileChannel.MapMode.READ_ONLY, offset, length);
            mappings.add(buffer);
            return new UnsafeBuffer(buffer);
        }
    }

    private static int indexCapacity(final int slots)
    {
        int capacity = 16;
        while (capacity < 2L * slots)
        {
            capacity <<= 1;
        }
        return capacity;
    }

    /**
     * @return the directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * @return the Settlement Day.
     */
    public LocalDate date()
    {
        return date;
    }

    /**
     * @return its periods.
     */
    public int periods()
    {
        return periods;
    }

    /**
     * @return MPAN slots.
     */
    public int slots()
    {
        return slots;
    }

    /**
     * @return the columns the aggregation kernel reads (and ingest writes).
     */
    public MeterColumns columns()
    {
        return columns;
    }

    /**
     * @return bytes of the mapped columns (the store's size on disk less its small tables).
     */
    public long mappedBytes()
    {
        long bytes = 0;
        for (final MappedByteBuffer buffer : mappings)
        {
            bytes += buffer.capacity();
        }
        return bytes;
    }

    /**
     * @param slot MPAN slot.
     * @return its MPAN core.
     */
    public long mpan(final int slot)
    {
        return mpans.getLong(slot << 3);
    }

    /**
     * Sets a slot's MPAN; call {@link #buildIndex()} once all are set.
     *
     * @param slot MPAN slot.
     * @param mpan MPAN core (positive).
     */
    public void putMpan(final int slot, final long mpan)
    {
        mpans.putLong(slot << 3, mpan);
    }

    /**
     * Builds the MPAN to slot index from the MPAN column.
     *
     * @throws IllegalStateException if an MPAN is not positive or appears twice.
     */
    public void buildIndex()
    {
        indexKeys.setMemory(0, indexKeys.capacity(), (byte)0);
        for (int s = 0; s < slots; s++)
        {
            final long mpan = mpan(s);
            if (mpan <= 0)
            {
                throw new IllegalStateException("slot " + s + " has no MPAN");
            }
            int i = hash(mpan) & indexMask;
            while (true)
            {
                final long existing = indexKeys.getLong(i << 3);
                if (existing == EMPTY)
                {
                    indexKeys.putLong(i << 3, mpan);
                    indexSlots.putInt(i << 2, s);
                    break;
                }
                if (existing == mpan)
                {
                    throw new IllegalStateException("MPAN " + mpan + " is in slots " + indexSlots.getInt(i << 2) +
                        " and " + s);
                }
                i = (i + 1) & indexMask;
            }
        }
    }

    /**
     * @param mpan an MPAN core.
     * @return its slot, or -1 if the store does not know it. Allocation-free.
     */
    public int slotOf(final long mpan)
    {
        int i = hash(mpan) & indexMask;
        while (true)
        {
            final long existing = indexKeys.getLong(i << 3);
            if (existing == mpan)
            {
                return indexSlots.getInt(i << 2);
            }
            if (existing == EMPTY)
            {
                return -1;
            }
            i = (i + 1) & indexMask;
        }
    }

    private static int hash(final long mpan)
    {
        long h = mpan * 0x9E37_79B9_7F4A_7C15L;
        h ^= h >>> 29;
        return (int)h;
    }

    /**
     * @param name a metadata property (for counts kept by ingest).
     * @return its value, or 0.
     */
    public long counter(final String name)
    {
        return Long.parseLong(meta.getProperty("count." + name, "0"));
    }

    /**
     * Records a count in the metadata (written at once).
     *
     * @param name  the counter.
     * @param value its value.
     */
    public void putCounter(final String name, final long value)
    {
        meta.setProperty("count." + name, Long.toString(value));
        writeMeta();
    }

    private void writeMeta()
    {
        try (Writer out = Files.newBufferedWriter(dir.resolve(META_FILE), StandardCharsets.UTF_8))
        {
            meta.store(out, "gbsettle meter store (see io.gbsettle.core.mhhs.MeterStore)");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(META_FILE), ex);
        }
    }

    /**
     * Pre-touches every page of the values (one read per 4 KB page), so that a timed aggregation measures the
     * kernel over the page cache rather than page faults.
     *
     * @return a checksum of the bytes read, so the JIT keeps the loop.
     */
    public long touch()
    {
        long sum = 0;
        for (int i = 0; i < MeterColumns.segmentCount(slots, segmentShift); i++)
        {
            final DirectBuffer segment = columns.valueSegment(i);
            for (int offset = 0; offset < segment.capacity(); offset += 4096)
            {
                sum += segment.getByte(offset);
            }
        }
        return sum;
    }

    /**
     * Unmaps every column. Idempotent.
     */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            unmapAll();
        }
    }

    private void unmapAll()
    {
        for (final MappedByteBuffer buffer : mappings)
        {
            IoUtil.unmap(buffer);
        }
        mappings.clear();
    }
}

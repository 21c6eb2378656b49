package io.gbsettle.core.mhhs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.files.CsvWriter;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.aggregate.AggregationKeys;
import io.gbsettle.core.kernel.aggregate.GroupTakes;
import io.gbsettle.core.kernel.aggregate.LossFactors;
import io.gbsettle.core.kernel.aggregate.MeterColumns;
import io.gbsettle.core.kernel.aggregate.ReadRejection;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.time.EpochDays;
import io.gbsettle.core.time.SettlementCalendar;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds a {@link MeterStore} for one Settlement Day from a directory of flat files ({@link MeterFlows}):
 * registrations ({@code *.reg}), D0265 Line Loss Factors ({@code *.ptf}), {@code gsp_take.csv} and D0036 half-hourly
 * advances ({@code *.usr}, read in name order, a later read of an MPAN and period replacing an earlier one).
 *
 * <p>The D0036 files are the bulk: each is memory-mapped and parsed byte by byte, allocating nothing per record
 * (MPAN to slot through the store's off-heap hash index, values written straight into the mapped columns, a slot's
 * present and estimated bits merged once per 101 group). Every read record is counted: stored, or rejected with a
 * {@link ReadRejection} reason (unknown MPAN, wrong date, period out of range, malformed, superseded); the first
 * {@code detailLimit} rejections are listed in {@code ingest_rejections.csv} and the counts kept in the store's
 * metadata, so that accepted + rejected = read holds end to end.
 *
 * <p>Registrations are held on the heap in primitive arrays while the slots are laid out (about 25 bytes per MPAN,
 * more while the arrays grow: a national registration file would need a heap of about 1 to 1.5 GB; not measured);
 * the D0036 reads go straight into the mapped store.
 */
public final class MeterIngest
{
    /** Rejected reads listed, with file and line. */
    public static final String REJECTIONS_FILE = "ingest_rejections.csv";
    /** Counter of read records (103) seen. */
    public static final String READS_READ = "readsRead";

    /**
     * What was ingested.
     *
     * @param slots      MPANs registered (store slots).
     * @param keys       aggregation keys.
     * @param readsRead  read records seen in the D0036 files.
     * @param rejected   reads rejected by ingest, by {@link ReadRejection} reason.
     * @param d0036Bytes bytes of D0036 files parsed.
     * @param d0036Nanos time spent parsing them.
     * @param files      files read.
     * @param problems   file-level problems (a record of unknown type, a trailer count that does not match).
     */
    public record Summary(
        int slots, int keys, long readsRead, long[] rejected, long d0036Bytes, long d0036Nanos, int files,
        List<String> problems)
    {
        /**
         * @return reads rejected by ingest, all reasons.
         */
        public long rejectedTotal()
        {
            long total = 0;
            for (final long r : rejected)
            {
                total += r;
            }
            return total;
        }
    }

    private final Path dir;
    private final LocalDate date;
    private final int target;
    private final int periods;
    private final int detailLimit;
    private final List<String> problems = new ArrayList<>();
    private final List<String[]> details = new ArrayList<>();
    private final long[] rejected = new long[ReadRejection.COUNT];
    private long readsRead;

    private MeterIngest(final Path dir, final LocalDate date, final int detailLimit)
    {
        this.dir = dir;
        this.date = date;
        this.target = EpochDays.yyyymmdd(date.toEpochDay());
        this.periods = new SettlementCalendar(date, date).periodsIn(date.toEpochDay());
        this.detailLimit = detailLimit;
    }

    /**
     * Builds the store.
     *
     * @param filesDir    the flat files.
     * @param storeDir    the store to create (replaced if it exists).
     * @param date        the Settlement Day.
     * @param detailLimit how many rejected reads to list.
     * @return what was ingested.
     */
    public static Summary ingest(final Path filesDir, final Path storeDir, final LocalDate date, final int detailLimit)
    {
        return new MeterIngest(filesDir, date, detailLimit).run(storeDir);
    }

    private Summary run(final Path storeDir)
    {
        final List<Path> registrations = list(MeterFlows.REGISTRATION_SUFFIX);
        final List<Path> d0265 = list(MeterFlows.D0265_SUFFIX);
        final List<Path> d0036 = list(MeterFlows.D0036_SUFFIX);
        if (registrations.isEmpty())
        {
            throw new UncheckedIOException(new IOException("no registration file (*" +
                MeterFlows.REGISTRATION_SUFFIX + ") in " + dir));
        }
        final Registrations regs = new Registrations();
        for (final Path file : registrations)
        {
            regs.read(file);
        }
        final List<String> llfcs = new ArrayList<>(regs.llfcs);
        final Map<String, Integer> llfcIndex = new HashMap<>(regs.llfcIndex);
        final List<long[]> factors = new ArrayList<>();
        for (final Path file : d0265)
        {
            readLossFactors(file, llfcs, llfcIndex, factors);
        }
        final LossFactors lossFactors = new LossFactors(llfcs.size(), periods);
        for (final long[] f : factors)
        {
            lossFactors.set((int)f[0], (int)f[1], (int)f[2]);
        }
        final GroupTakes takes = readTakes(dir.resolve(MeterFlows.TAKE_FILE));

        final int slots = regs.count;
        final int[] order = regs.slotOrder();
        long bytes = 0;
        long nanos = 0;
        try (MeterStore store = MeterStore.create(storeDir, date, periods, slots))
        {
            final MeterColumns columns = store.columns();
            for (int slot = 0; slot < slots; slot++)
            {
                final int entry = order[slot];
                store.putMpan(slot, regs.mpans[entry]);
                columns.putKey(slot, regs.key[entry]);
            }
            store.buildIndex();
            new MeterDayTables(periods, regs.keys, regs.suppliers, llfcs, lossFactors, takes).write(storeDir);
            for (final Path file : d0036)
            {
                final long started = System.nanoTime();
                bytes += readD0036(file, store);
                nanos += System.nanoTime() - started;
            }
            store.putCounter(READS_READ, readsRead);
            for (int r = 0; r < ReadRejection.COUNT; r++)
            {
                store.putCounter("rejected." + ReadRejection.name(r), rejected[r]);
            }
        }
        writeDetails(storeDir.resolve(REJECTIONS_FILE));
        return new Summary(slots, regs.keys.count(), readsRead, rejected.clone(), bytes, nanos,
            registrations.size() + d0265.size() + d0036.size() + 1, List.copyOf(problems));
    }

    /**
     * Parses the D0036 files ({@code *.usr}, in name order) of a directory into an open, writable store: reads of
     * MPANs it knows are stored (a later read replacing an earlier one), the others counted by reason. The bulk of
     * {@link #ingest}, public so that more files can be added to a store and so that it can be timed on its own.
     *
     * @param filesDir    the directory.
     * @param store       the store, opened writable.
     * @param detailLimit how many rejected reads to remember (they are not written by this method).
     * @return reads read, rejections by reason, bytes and time (slots and keys are the store's).
     */
    public static Summary appendD0036(final Path filesDir, final MeterStore store, final int detailLimit)
    {
        final MeterIngest ingest = new MeterIngest(filesDir, store.date(), detailLimit);
        long bytes = 0;
        long nanos = 0;
        final List<Path> files = ingest.list(MeterFlows.D0036_SUFFIX);
        for (final Path file : files)
        {
            final long started = System.nanoTime();
            bytes += ingest.readD0036(file, store);
            nanos += System.nanoTime() - started;
        }
        return new Summary(store.slots(), 0, ingest.readsRead, ingest.rejected.clone(), bytes, nanos, files.size(),
            List.copyOf(ingest.problems));
    }

    private List<Path> list(final String suffix)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> found = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(suffix)).forEach(found::add);
            Collections.sort(found);
            return found;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    // --- registrations ---------------------------------------------------------------------------------------------

    /**
     * Registration versions, one entry per MPAN: the version effective on the day, or a key of -1. Primitive columns
     * and an open-addressing index of entries by MPAN (about 25 bytes per MPAN on the heap, no boxing).
     */
    private final class Registrations
    {
        long[] mpans = new long[1024];
        int[] key = new int[1024];
        int count;
        int[] index = new int[2048];
        final AggregationKeys keys = new AggregationKeys();
        final List<String> suppliers = new ArrayList<>();
        final Map<String, Integer> supplierIndex = new HashMap<>();
        final List<String> llfcs = new ArrayList<>();
        final Map<String, Integer> llfcIndex = new HashMap<>();

        void read(final Path file)
        {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
            {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null)
                {
                    number++;
                    if (line.startsWith("REG|"))
                    {
                        record(line.split("\\|", -1), file, number);
                    }
                    else if (!line.startsWith("ZHV|") && !line.startsWith("ZPT|") && !line.isEmpty())
                    {
                        problems.add(file.getFileName() + ":" + number + ": unknown record " + head(line));
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
        }

        private void record(final String[] f, final Path file, final int number)
        {
            final long mpan = f.length > 1 ? MeterText.parseScaled(f[1], 0) : MeterText.INVALID;
            final int gsp = f.length > 3 ? GspGroup.index(f[3]) : GspGroup.NONE;
            final long from = f.length > 8 ? day(f[7]) : Long.MIN_VALUE;
            final long to = f.length > 8 ? (f[8].isEmpty() ? Long.MAX_VALUE : day(f[8])) : Long.MIN_VALUE;
            if (mpan <= 0 || gsp == GspGroup.NONE || from == Long.MIN_VALUE || to == Long.MIN_VALUE ||
                !("I".equals(f[5]) || "E".equals(f[5])) || !("T".equals(f[6]) || "F".equals(f[6])) ||
                f[2].isEmpty() || f[4].isEmpty())
            {
                problems.add(file.getFileName() + ":" + number + ": registration not valid, left out");
                return;
            }
            final int entry = entryOf(mpan);
            final long epochDay = date.toEpochDay();
            if (from <= epochDay && epochDay <= to)
            {
                final int supplier = supplierIndex.computeIfAbsent(f[2], k ->
                {
                    suppliers.add(k);
                    return suppliers.size() - 1;
                });
                final int llfc = llfcIndex.computeIfAbsent(Distributors.llfcId(gsp, f[4]), k ->
                {
                    llfcs.add(k);
                    return llfcs.size() - 1;
                });
                if (key[entry] != MeterColumns.NO_KEY)
                {
                    problems.add(file.getFileName() + ":" + number + ": MPAN " + mpan + " has two registrations " +
                        "effective on " + date + "; this later record is used");
                }
                key[entry] = keys.key(supplier, gsp, llfc, "E".equals(f[5]), "T".equals(f[6]));
            }
        }

        /** The entry of an MPAN, added (with no key) if new. */
        private int entryOf(final long mpan)
        {
            int mask = index.length - 1;
            int i = (int)(MeterIngest.hash(mpan) & mask);
            while (index[i] != 0)
            {
                if (mpans[index[i] - 1] == mpan)
                {
                    return index[i] - 1;
                }
                i = (i + 1) & mask;
            }
            if (count == mpans.length)
            {
                mpans = Arrays.copyOf(mpans, count * 2);
                key = Arrays.copyOf(key, count * 2);
            }
            mpans[count] = mpan;
            key[count] = MeterColumns.NO_KEY;
            index[i] = ++count;
            if (count * 2 > index.length)
            {
                index = new int[index.length * 2];
                mask = index.length - 1;
                for (int e = 0; e < count; e++)
                {
                    int j = (int)(MeterIngest.hash(mpans[e]) & mask);
                    while (index[j] != 0)
                    {
                        j = (j + 1) & mask;
                    }
                    index[j] = e + 1;
                }
            }
            return count - 1;
        }

        /** Entries in key order (counting sort), MPANs without a registration on the day last. */
        int[] slotOrder()
        {
            final int[] start = new int[keys.count() + 2];
            for (int e = 0; e < count; e++)
            {
                start[bucket(e) + 1]++;
            }
            for (int b = 1; b < start.length; b++)
            {
                start[b] += start[b - 1];
            }
            final int[] order = new int[count];
            for (int e = 0; e < count; e++)
            {
                order[start[bucket(e)]++] = e;
            }
            return order;
        }

        private int bucket(final int entry)
        {
            return key[entry] == MeterColumns.NO_KEY ? keys.count() : key[entry];
        }
    }

    private static long hash(final long mpan)
    {
        long h = mpan * 0x9E37_79B9_7F4A_7C15L;
        h ^= h >>> 29;
        return h;
    }

    private static long day(final String yyyymmdd)
    {
        final long v = MeterText.parseScaled(yyyymmdd, 0);
        if (yyyymmdd.length() != 8 || v == MeterText.INVALID)
        {
            return Long.MIN_VALUE;
        }
        try
        {
            return EpochDays.of((int)(v / 10_000), (int)(v / 100 % 100), (int)(v % 100));
        }
        catch (final RuntimeException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    private static String head(final String line)
    {
        return line.length() > 20 ? line.substring(0, 20) + "..." : line;
    }

    // --- D0265 and takes -------------------------------------------------------------------------------------------

    private void readLossFactors(
        final Path file, final List<String> llfcs, final Map<String, Integer> llfcIndex, final List<long[]> out)
    {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line;
            int number = 0;
            int gsp = GspGroup.NONE;
            int llfc = -1;
            boolean onDay = false;
            int checksum = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                final String[] f = line.split("\\|", -1);
                if (!"ZPT".equals(f[0]))
                {
                    checksum = MeterText.xor32(checksum, line);
                }
                switch (f[0])
                {
                    case "DIS":
                        gsp = Distributors.gspGroupOf(f.length > 1 ? f[1] : "");
                        if (gsp == GspGroup.NONE)
                        {
                            problems.add(file.getFileName() + ":" + number + ": unknown distributor");
                        }
                        break;
                    case "LLF":
                        if (gsp != GspGroup.NONE && f.length > 1)
                        {
                            llfc = llfcIndex.computeIfAbsent(Distributors.llfcId(gsp, f[1]), k ->
                            {
                                llfcs.add(k);
                                return llfcs.size() - 1;
                            });
                        }
                        break;
                    case "SDT":
                        onDay = f.length > 1 && f[1].equals(Integer.toString(target));
                        break;
                    case "SPL":
                        if (onDay && llfc >= 0)
                        {
                            final long period = f.length > 2 ? MeterText.parseScaled(f[1], 0) : -1;
                            final long llf = f.length > 2 ? MeterText.parseScaled(f[2], 6) : MeterText.INVALID;
                            if (period < 1 || period > periods || llf < 0)
                            {
                                problems.add(file.getFileName() + ":" + number + ": SPL not valid for the day");
                            }
                            else
                            {
                                out.add(new long[] {llfc, period, llf});
                            }
                        }
                        break;
                    case "ZPT":
                        trailer(file, number, f, checksum);
                        break;
                    case "ZHD":
                    case "":
                        break;
                    default:
                        problems.add(file.getFileName() + ":" + number + ": unknown record " + head(line));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /** The pool trailer as the adapter checks it: count with ZHD and ZPT, then the XOR-32 of the records before. */
    private void trailer(final Path file, final int number, final String[] f, final int checksum)
    {
        final long count = f.length > 1 ? MeterText.parseScaled(f[1], 0) : MeterText.INVALID;
        final long sum = f.length > 2 ? MeterText.parseScaled(f[2], 0) : MeterText.INVALID;
        if (count != number)
        {
            problems.add(file.getFileName() + ":" + number + ": trailer counts " + (f.length > 1 ? f[1] : "") +
                " records, the file has " + number + " (header and trailer included)");
        }
        else if (sum != (checksum & 0xFFFF_FFFFL))
        {
            problems.add(file.getFileName() + ":" + number + ": trailer checksum " + (f.length > 2 ? f[2] : "") +
                ", the records give " + (checksum & 0xFFFF_FFFFL) + " (XOR-32)");
        }
    }

    private GroupTakes readTakes(final Path file)
    {
        final GroupTakes takes = new GroupTakes(periods);
        if (!Files.exists(file))
        {
            problems.add(file.getFileName() + ": missing: no GSP Group is corrected");
            return takes;
        }
        try (CsvReader in = CsvReader.open(file))
        {
            final List<InputProblem> found = new ArrayList<>();
            final int[] c = in.requireColumns(found, "gsp_group", "settlement_period", "take_mwh");
            while (found.isEmpty() && in.next())
            {
                final int gsp = GspGroup.index(in.field(c[0]));
                final long period = MeterText.parseScaled(in.field(c[1]), 0);
                final long wh = MeterText.parseScaled(in.field(c[2]), 6);
                if (gsp == GspGroup.NONE || period < 1 || period > periods || wh == MeterText.INVALID)
                {
                    problems.add(file.getFileName() + ":" + in.line() + ": take not valid, left out");
                    continue;
                }
                takes.set(gsp, (int)period, wh);
            }
            for (final InputProblem problem : found)
            {
                problems.add(problem.describe());
            }
        }
        return takes;
    }

    // --- D0036 -----------------------------------------------------------------------------------------------------

    private static final int NO_GROUP = -1;
    private static final int UNKNOWN = -2;
    private static final int READ_RECORD = '1' << 16 | '0' << 8 | '3';
    /** Where {@link #parseWh} stopped. */
    private int cursor;

    private long readD0036(final Path file, final MeterStore store)
    {
        final MappedByteBuffer mapped;
        final long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            size = channel.size();
            if (size > Integer.MAX_VALUE)
            {
                throw new IOException(file + " is over 2 GB; split it");
            }
            if (size == 0)
            {
                return 0;
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        try
        {
            parseD0036(new UnsafeBuffer(mapped), (int)size, file.getFileName().toString(), store);
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
        return size;
    }

    private void parseD0036(final UnsafeBuffer buf, final int length, final String name, final MeterStore store)
    {
        final MeterColumns columns = store.columns();
        int pos = 0;
        int line = 0;
        int slot = NO_GROUP;
        long mpan = 0;
        boolean dated = false;
        boolean onDay = false;
        int period = 0;
        long read = 0;
        long estimated = 0;
        long records = 0;
        while (pos < length)
        {
            line++;
            final int kind = length - pos >= 4 && buf.getByte(pos + 3) == '|' ?
                (buf.getByte(pos) << 16) | (buf.getByte(pos + 1) << 8) | buf.getByte(pos + 2) : 0;
            if (kind == READ_RECORD)
            {
                // Fast path: one pass over "103|F|kwh|\n"; the line end is found from where the value stops.
                records++;
                readsRead++;
                period++;
                int reason = -1;
                long wh = MeterText.INVALID;
                if (slot == NO_GROUP || !dated)
                {
                    reason = ReadRejection.MALFORMED;
                }
                else if (slot == UNKNOWN)
                {
                    reason = ReadRejection.UNKNOWN_MPAN;
                }
                else if (!onDay)
                {
                    reason = ReadRejection.WRONG_DATE;
                }
                else if (period > periods)
                {
                    reason = ReadRejection.PERIOD_OUT_OF_RANGE;
                }
                else
                {
                    final byte flag = length - pos > 6 ? buf.getByte(pos + 4) : 0;
                    wh = buf.getByte(pos + 5) == '|' && (flag == 'A' || flag == 'E') ?
                        parseWh(buf, pos + 6, length) : MeterText.INVALID;
                    if (wh == MeterText.INVALID)
                    {
                        reason = ReadRejection.MALFORMED;
                    }
                    else
                    {
                        columns.putValue(slot, period, (int)wh);
                        final long bit = 1L << (period - 1);
                        read |= bit;
                        if (flag == 'E')
                        {
                            estimated |= bit;
                        }
                    }
                }
                int end = wh == MeterText.INVALID ? pos : cursor;
                while (end < length && buf.getByte(end) != '\n')
                {
                    end++;
                }
                if (reason >= 0)
                {
                    reject(reason, name, line, mpan, period, buf, pos,
                        end > pos && buf.getByte(end - 1) == '\r' ? end - 1 : end);
                }
                pos = end + 1;
                continue;
            }
            int end = pos;
            while (end < length && buf.getByte(end) != '\n')
            {
                end++;
            }
            final int stop = end > pos && buf.getByte(end - 1) == '\r' ? end - 1 : end;
            if (kind == ('1' << 16 | '0' << 8 | '1'))
            {
                records++;
                flush(columns, slot, read, estimated, name, mpan);
                read = 0;
                estimated = 0;
                period = 0;
                dated = false;
                mpan = parseDigits(buf, pos + 4, stop);
                slot = mpan <= 0 ? UNKNOWN : store.slotOf(mpan);
                if (slot < 0)
                {
                    slot = UNKNOWN;
                }
            }
            else if (kind == ('1' << 16 | '0' << 8 | '2'))
            {
                records++;
                dated = true;
                onDay = parseDigits(buf, pos + 4, stop) == target;
            }
            else if (kind == ('Z' << 16 | 'P' << 8 | 'T'))
            {
                final int countStart = indexOf(buf, pos + 4, stop, (byte)'|') + 1;
                final long count = countStart > 0 ? parseDigits(buf, countStart, stop) : -1;
                if (count != records)
                {
                    problems.add(name + ":" + line + ": trailer counts " + count + " records, the file has " +
                        records);
                }
            }
            else if (kind != ('Z' << 16 | 'H' << 8 | 'V') && stop > pos)
            {
                problems.add(name + ":" + line + ": unknown record, left out");
            }
            pos = end + 1;
        }
        flush(columns, slot, read, estimated, name, mpan);
    }

    private void flush(
        final MeterColumns columns, final int slot, final long read, final long estimated, final String name,
        final long mpan)
    {
        if (slot >= 0 && read != 0)
        {
            final long was = columns.mergeMasks(slot, read, estimated);
            final long replaced = was & read;
            if (replaced != 0)
            {
                rejected[ReadRejection.SUPERSEDED] += Long.bitCount(replaced);
                if (details.size() < detailLimit)
                {
                    details.add(new String[] {name, "", Long.toString(mpan), Long.toString(Long.bitCount(replaced)) +
                        " periods", ReadRejection.name(ReadRejection.SUPERSEDED), "earlier read replaced"});
                }
            }
        }
    }

    private void reject(
        final int reason, final String name, final int line, final long mpan, final int period,
        final UnsafeBuffer buf, final int from, final int to)
    {
        rejected[reason]++;
        if (details.size() < detailLimit)
        {
            final byte[] text = new byte[to - from];
            buf.getBytes(from, text);
            details.add(new String[] {name, Integer.toString(line), Long.toString(mpan), Integer.toString(period),
                ReadRejection.name(reason), new String(text, StandardCharsets.US_ASCII)});
        }
    }

    private static int indexOf(final UnsafeBuffer buf, final int from, final int to, final byte b)
    {
        for (int i = from; i < to; i++)
        {
            if (buf.getByte(i) == b)
            {
                return i;
            }
        }
        return -1;
    }

    private static long parseDigits(final UnsafeBuffer buf, final int from, final int to)
    {
        long value = 0;
        int i = from;
        for (; i < to; i++)
        {
            final byte b = buf.getByte(i);
            if (b == '|')
            {
                break;
            }
            if (b < '0' || b > '9' || i - from > 15)
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return i == from ? -1 : value;
    }

    /**
     * kWh with at most 3 decimals from {@code from}, ending at '|', '\r' or '\n' (or the end), to Wh; INVALID
     * otherwise. Leaves {@link #cursor} at the byte that ended it.
     */
    private long parseWh(final UnsafeBuffer buf, final int from, final int length)
    {
        int i = from;
        boolean negative = false;
        if (i < length && buf.getByte(i) == '-')
        {
            negative = true;
            i++;
        }
        long whole = 0;
        int digits = 0;
        byte b = '|';
        while (i < length)
        {
            b = buf.getByte(i);
            if (b < '0' || b > '9')
            {
                break;
            }
            whole = whole * 10 + (b - '0');
            digits++;
            i++;
        }
        int decimals = 0;
        long fraction = 0;
        if (i < length && b == '.')
        {
            i++;
            b = '|';
            while (i < length)
            {
                b = buf.getByte(i);
                if (b < '0' || b > '9')
                {
                    break;
                }
                fraction = fraction * 10 + (b - '0');
                decimals++;
                i++;
            }
        }
        cursor = i;
        if (i < length && b != '|' && b != '\n' && b != '\r' || digits + decimals == 0 || decimals > 3 ||
            digits > 7)
        {
            return MeterText.INVALID;
        }
        if (decimals < 3)
        {
            fraction *= decimals == 2 ? 10 : decimals == 1 ? 100 : 1000;
        }
        final long wh = whole * 1000 + fraction;
        return negative ? -wh : wh;
    }

    private void writeDetails(final Path file)
    {
        try (CsvWriter out = CsvWriter.create(file))
        {
            out.field("file").field("line").field("mpan").field("settlement_period").field("reason").field("record")
                .endRecord();
            for (final String[] row : details)
            {
                for (final String field : row)
                {
                    out.field(field);
                }
                out.endRecord();
            }
        }
    }
}

package io.gbsettle.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.gbsettle.adapters.iris.IrisDayMessages;
import io.gbsettle.adapters.sftp.flow.FlowFiles;
import io.gbsettle.core.files.DayBundle;
import io.gbsettle.core.files.MeteredVolumes;
import io.gbsettle.core.files.SyntheticBundle;
import io.gbsettle.core.mhhs.MeterDayGenerator;
import io.gbsettle.core.mhhs.MeterFlows;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementRun;

/**
 * The demo's settlement day and what the two feeds carry of it. A synthetic national day is generated as a day
 * bundle (the generator's format), then turned into the inputs a live system receives:
 *
 * <pre>
 *   day/sf/  day bundle, run SF ──► IRIS messages, period by period (PN, BOD, BOALF, DISBSAD, NETBSAD, MID, LOLPDRM)
 *                                └► SFTP flat files: C0421 (metered volumes, from the CDCA), ECVN + MVRN (from ECVAA)
 *   day/meters/  MHHS meter reads of a sample of meter points ──► SFTP: registrations, D0265, D0036 (from the HHDC)
 *   day/r1/  the same day as R1 (SyntheticBundle revises some meters) ──► a second C0421, collected after SF
 * </pre>
 *
 * Deliberately bad inputs ride along on both feeds, each one a case a real feed produces: a truncated IRIS body, a
 * row with a non-numeric level, a row for a BM Unit nobody registered, a message delivered twice; a C0421 whose
 * checksum does not match, an ECVN cut short in transfer and an ECVN sent again under another name. Same seed, same
 * day, same bytes.
 */
final class DemoDay
{
    /** The IRIS queue the demo's broker holds. */
    static final String IRIS_QUEUE = "iris.demo";
    /** The CDCA's counterparty id and outbox (metered volumes). */
    static final String CDCA = "cdca";
    /** ECVAA's counterparty id and outbox (contract and reallocation notifications). */
    static final String ECVAA = "ecvaa";
    /** The half-hourly data collector's counterparty id and outbox (MHHS meter reads, registrations, D0265). */
    static final String HHDC = "hhdc";

    /** A file a counterparty publishes on its SFTP server. */
    record RemoteFile(String counterparty, String name, byte[] bytes)
    {
    }

    /** A deliberately bad input and what the system is expected to do with it. */
    record Planted(String channel, String name, String what)
    {
    }

    final DayBundle bundle;
    final List<IrisDayMessages.Message> messages;
    final int[] messagesThrough;
    final List<RemoteFile> files;
    final RemoteFile revisedMetered;
    final int revisedUnits;
    final int revisedValues;
    final List<Planted> planted;
    final MeterDayGenerator.Summary meters;

    private DemoDay(final DayBundle bundle, final List<IrisDayMessages.Message> messages, final int[] messagesThrough,
        final List<RemoteFile> files, final RemoteFile revisedMetered, final int revisedUnits,
        final int revisedValues, final List<Planted> planted, final MeterDayGenerator.Summary meters)
    {
        this.bundle = bundle;
        this.messages = messages;
        this.messagesThrough = messagesThrough;
        this.files = files;
        this.revisedMetered = revisedMetered;
        this.revisedUnits = revisedUnits;
        this.revisedValues = revisedValues;
        this.planted = planted;
        this.meters = meters;
    }

    /**
     * Generates the day.
     *
     * @param registry the market.
     * @param seed     the random seed.
     * @param date     the Settlement Day.
     * @param dir      where the bundles go ({@code dir/sf}, {@code dir/r1}; the meter flows in {@code dir/meters});
     *                 replaced.
     * @param mpans    how many meter points the MHHS part of the day has.
     * @param progress told as each part is done.
     * @return the day and its feeds.
     */
    static DemoDay generate(final MarketRegistry registry, final long seed, final LocalDate date, final Path dir,
        final int mpans, final java.util.function.Consumer<String> progress)
    {
        final Path sfDir = dir.resolve("sf");
        final Path r1Dir = dir.resolve("r1");
        SyntheticBundle.write(registry, seed, date, SettlementRun.SF, false, sfDir);
        final DayBundle bundle = DayBundle.load(sfDir);
        progress.accept("day bundle (run SF) written and loaded back -> " + sfDir);
        SyntheticBundle.write(registry, seed, date, SettlementRun.R1, false, r1Dir);
        final DayBundle r1 = DayBundle.load(r1Dir);
        final int[] revised = revisions(bundle, r1);
        progress.accept("R1 bundle: " + revised[1] + " metered volumes of " + revised[0] + " BM Units revised -> " +
            r1Dir);

        final List<Planted> planted = new ArrayList<>();
        final int[] through = new int[bundle.periodCount() + 1];
        final List<IrisDayMessages.Message> messages = feed(bundle, planted, through);
        for (int p = 1; p < through.length; p++)
        {
            through[p] += through[p - 1];
        }

        progress.accept(messages.size() + " IRIS messages, period by period");
        final FlowFiles flows = FlowFiles.builtIn();
        final List<RemoteFile> files = new ArrayList<>();
        final byte[] c0421 = flows.c0421(bundle, 1);
        final byte[] ecvn = flows.ecvn(bundle, 1);
        files.add(new RemoteFile(CDCA, name("CD", 1), c0421));
        files.add(new RemoteFile(ECVAA, name("EC", 1), ecvn));
        if (bundle.mvrn().count() > 0)
        {
            // An MVRN file holds at least one notification: a day without reallocations sends none.
            files.add(new RemoteFile(ECVAA, name("EC", 2), flows.mvrn(bundle, 2)));
        }
        files.add(new RemoteFile(CDCA, name("CD", 9), wrongChecksum(flows.c0421(bundle, 9))));
        planted.add(new Planted("SFTP", name("CD", 9), "C0421 whose trailer checksum does not match its records"));
        files.add(new RemoteFile(ECVAA, name("EC", 8), truncated(flows.ecvn(bundle, 8))));
        planted.add(new Planted("SFTP", name("EC", 8), "ECVN cut short in transfer (no trailer)"));
        files.add(new RemoteFile(ECVAA, name("EC", 9), ecvn));
        planted.add(new Planted("SFTP", name("EC", 9), "the ECVN of " + name("EC", 1) + " sent again"));
        final RemoteFile revisedMetered = new RemoteFile(CDCA, name("CD", 2), flows.c0421(r1, 2));

        progress.accept("C0421, ECVN and MVRN flat files");
        // MHHS: the half-hourly reads of a sample of meter points, as the HHDC and the distributors send them.
        final Path meterFlows = dir.resolve("meters");
        final MeterDayGenerator.Summary meters = MeterDayGenerator.generate(registry, seed, date, mpans,
            dir.resolve("meters-generated-store"), meterFlows, 2);
        try (Stream<Path> list = Files.list(meterFlows))
        {
            for (final Path f : (Iterable<Path>)list.sorted()::iterator)
            {
                if (!f.getFileName().toString().equals(MeterFlows.TAKE_FILE))
                {
                    files.add(new RemoteFile(HHDC, f.getFileName().toString(), Files.readAllBytes(f)));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the generated meter flows in " + meterFlows, ex);
        }
        return new DemoDay(bundle, List.copyOf(messages), through, List.copyOf(files), revisedMetered, revised[0],
            revised[1], List.copyOf(planted), meters);
    }

    /**
     * @return the IRIS messages of the feed that are fine (the rest are planted).
     */
    int goodMessages()
    {
        int bad = 0;
        for (final Planted p : planted)
        {
            bad += "IRIS".equals(p.channel()) ? 1 : 0;
        }
        return messages.size() - bad;
    }

    private static String name(final String role, final int sequence)
    {
        return String.format(Locale.ROOT, "%s%012d", role, sequence);
    }

    /**
     * The day's IRIS messages in feed order (period by period), with the planted bad ones in their periods.
     *
     * @param perPeriod receives the number of messages of each period.
     */
    private static List<IrisDayMessages.Message> feed(final DayBundle bundle, final List<Planted> planted,
        final int[] perPeriod)
    {
        final List<IrisDayMessages.Message> good = IrisDayMessages.of(bundle);
        final List<IrisDayMessages.Message> out = new ArrayList<>(good.size() + 4);
        final int periods = bundle.periodCount();
        final int truncateIn = Math.min(7, periods);
        final int badLevelIn = Math.min(15, periods);
        final int unknownIn = Math.min(23, periods);
        final int duplicateIn = Math.min(31, periods);
        IrisDayMessages.Message firstPn = null;
        boolean badLevelDone = false;
        for (final IrisDayMessages.Message m : good)
        {
            final int before = out.size();
            out.add(m);
            final int period = periodOf(m.messageId(), bundle);
            if (firstPn == null && "PN".equals(m.dataset()))
            {
                firstPn = m;
            }
            if ("BOD".equals(m.dataset()) && period == truncateIn)
            {
                final String id = sibling(m.messageId());
                out.add(new IrisDayMessages.Message("BOD", id, java.util.Arrays.copyOf(m.body(), m.body().length / 2)));
                planted.add(new Planted("IRIS", id, "BOD message whose JSON body is cut off half way"));
            }
            if (!badLevelDone && "BOALF".equals(m.dataset()) && period >= badLevelIn)
            {
                final String text = m.text();
                final int at = text.indexOf("\"levelFrom\":");
                if (at >= 0)
                {
                    final int end = text.indexOf(',', at);
                    final String row = text.substring(0, at) + "\"levelFrom\":\"n/a\"" + text.substring(end);
                    final String id = sibling(m.messageId());
                    out.add(new IrisDayMessages.Message("BOALF", id, row.getBytes(StandardCharsets.UTF_8)));
                    planted.add(new Planted("IRIS", id, "BOALF row whose levelFrom is not a number"));
                    badLevelDone = true;
                }
            }
            if ("PN".equals(m.dataset()) && period == unknownIn)
            {
                final String text = m.text();
                final int end = text.indexOf('}');
                final String row = text.substring(0, end + 1).replaceAll("\"bmUnit\":\"[^\"]*\"",
                    "\"bmUnit\":\"T_NOSUCH-1\"").replaceAll("\"nationalGridBmUnit\":\"[^\"]*\"",
                    "\"nationalGridBmUnit\":\"NOSUCH-1\"") + "]";
                final String id = sibling(m.messageId());
                out.add(new IrisDayMessages.Message("PN", id, row.getBytes(StandardCharsets.UTF_8)));
                planted.add(new Planted("IRIS", id, "PN row for T_NOSUCH-1, a BM Unit not in the registry"));
            }
            if ("PN".equals(m.dataset()) && period == duplicateIn && firstPn != null)
            {
                out.add(firstPn);
                planted.add(new Planted("IRIS", firstPn.messageId(), "a PN message of period 1 delivered again"));
            }
            perPeriod[period] += out.size() - before;
        }
        return out;
    }

    /** Another message id of the same dataset and time: {@code DATASET_yyyyMMddHHmm_9.json}. */
    private static String sibling(final String messageId)
    {
        final int underscore = messageId.lastIndexOf('_');
        return messageId.substring(0, underscore) + "_9.json";
    }

    /** The Settlement Period a message id's time falls in (ids carry the period's start, UTC). */
    private static int periodOf(final String messageId, final DayBundle bundle)
    {
        final int first = messageId.indexOf('_');
        final String stamp = messageId.substring(first + 1, first + 13);
        final long epochSecond = java.time.LocalDateTime.parse(stamp,
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm")).toEpochSecond(java.time.ZoneOffset.UTC);
        for (int p = bundle.periodCount(); p >= 1; p--)
        {
            if (bundle.periodStartEpochSecond(p) <= epochSecond)
            {
                return p;
            }
        }
        return 1;
    }

    /** Flips the last digit of the IDD trailer's checksum. */
    private static byte[] wrongChecksum(final byte[] file)
    {
        final byte[] out = file.clone();
        int i = out.length - 1;
        while (i > 0 && (out[i] < '0' || out[i] > '9'))
        {
            i--;
        }
        out[i] = (byte)(out[i] == '9' ? '0' : out[i] + 1);
        return out;
    }

    /** The first 60 % of a file, cut at a line end (as a transfer that stopped). */
    private static byte[] truncated(final byte[] file)
    {
        int end = file.length * 6 / 10;
        while (end > 0 && file[end - 1] != '\n')
        {
            end--;
        }
        return java.util.Arrays.copyOf(file, end);
    }

    /**
     * Counts what the R1 bundle revised (the generator revises a few BM Units' meters from R1 on and leaves every
     * other file as it was).
     *
     * @return BM Units revised, metered volumes revised.
     */
    private static int[] revisions(final DayBundle sf, final DayBundle r1)
    {
        final MeteredVolumes before = sf.meteredVolumes();
        final MeteredVolumes after = r1.meteredVolumes();
        if (before.count() != after.count())
        {
            throw new IllegalStateException("the R1 bundle has " + after.count() + " metered volumes, SF " +
                before.count());
        }
        final java.util.BitSet units = new java.util.BitSet();
        int values = 0;
        for (int r = 0; r < before.count(); r++)
        {
            if (before.qm(r) != after.qm(r))
            {
                units.set(after.bmUnit(r));
                values++;
            }
        }
        return new int[] {units.cardinality(), values};
    }
}

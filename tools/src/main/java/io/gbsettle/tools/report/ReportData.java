package io.gbsettle.tools.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gbsettle.core.engine.RunCsv;
import io.gbsettle.core.files.CsvReader;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.settle.SettlementReportCsv;
import io.gbsettle.tools.Json;

/**
 * What the report shows, read from the output folders of settlement runs ({@link RunCsv} and
 * {@link SettlementReportCsv} files, columns found by header name) and an optional {@code indicative.csv}, and
 * written as one JSON document ({@link #toJson}) that the page's script draws.
 *
 * <p>Only what the page draws is kept: per run the system price and NIV of every period, the parties with the
 * largest |net| cashflow, the exceptions (capped at {@link #EXCEPTION_ROWS} rows, with the total and the file that
 * holds them all); for the last two runs the movement per party and per period.
 */
final class ReportData
{
    /** Parties drawn in the cashflow and movement charts. */
    static final int TOP_PARTIES = 15;
    /** Exception rows embedded in the page per run; the CSV holds them all. */
    static final int EXCEPTION_ROWS = 1000;
    /** The indicative prices file the demo writes beside the run folders. */
    static final String INDICATIVE_FILE = "indicative.csv";
    /** Columns of {@value #INDICATIVE_FILE}. */
    static final List<String> INDICATIVE_HEADER = List.of("settlement_date", "settlement_period",
        "indicative_price_gbp_mwh", "indicative_niv_mwh", "updates");

    private final List<RunData> runs;
    private final List<Indicative> indicative;
    private final Movement movement;

    private ReportData(final List<RunData> runs, final List<Indicative> indicative, final Movement movement)
    {
        this.runs = runs;
        this.indicative = indicative;
        this.movement = movement;
    }

    /**
     * Reads the runs' folders.
     *
     * @param runs          ordered (label, folder) pairs; the last is the run the cashflow chart shows.
     * @param indicativeCsv {@value #INDICATIVE_FILE}, or null (also ignored when the file does not exist).
     * @return the data.
     * @throws InvalidInputException when a required file or column is missing or a value is not a number.
     */
    static ReportData read(final List<Map.Entry<String, Path>> runs, final Path indicativeCsv)
    {
        if (runs.isEmpty())
        {
            throw new IllegalArgumentException("no run to report");
        }
        final List<InputProblem> problems = new ArrayList<>();
        final List<RunData> read = new ArrayList<>();
        for (final Map.Entry<String, Path> run : runs)
        {
            read.add(readRun(run.getKey(), run.getValue(), problems));
        }
        final String date = read.get(read.size() - 1).date;
        final List<Indicative> indicative = indicativeCsv != null && Files.isRegularFile(indicativeCsv) ?
            readIndicative(indicativeCsv, date, problems) : null;
        Movement movement = null;
        if (read.size() > 1)
        {
            movement = readMovement(read.get(read.size() - 2), read.get(read.size() - 1), problems);
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("the report's input files", problems);
        }
        return new ReportData(List.copyOf(read), indicative, movement);
    }

    /**
     * @return the runs read, in order.
     */
    List<RunData> runs()
    {
        return runs;
    }

    /**
     * @return whether an indicative price series was read.
     */
    boolean hasIndicative()
    {
        return indicative != null;
    }

    /**
     * @return whether there is a movement between two runs.
     */
    boolean hasMovement()
    {
        return movement != null;
    }

    /**
     * The document the page's script reads. Safe to embed in a {@code <script>} element: {@code <}, {@code >} and
     * {@code &} are written as Unicode escapes.
     *
     * @param title the page title.
     * @param facts ordered label/value lines.
     * @return the JSON text.
     */
    String toJson(final String title, final List<Map.Entry<String, String>> facts)
    {
        final Json json = Json.compact();
        json.beginObject().name("title").string(title).name("facts").beginArray();
        for (final Map.Entry<String, String> fact : facts)
        {
            json.beginArray().string(fact.getKey()).string(fact.getValue()).endArray();
        }
        json.endArray().name("runs").beginArray();
        for (final RunData run : runs)
        {
            run.toJson(json);
        }
        json.endArray().name("indicative");
        if (indicative == null)
        {
            json.nullValue();
        }
        else
        {
            json.beginArray();
            for (final Indicative i : indicative)
            {
                json.beginObject().name("p").number(i.period).name("price").number(i.price).name("niv")
                    .number(i.niv).name("updates").number(i.updates).endObject();
            }
            json.endArray();
        }
        json.name("movement");
        if (movement == null)
        {
            json.nullValue();
        }
        else
        {
            movement.toJson(json);
        }
        return json.endObject().toString();
    }

    private static RunData readRun(final String label, final Path dir, final List<InputProblem> problems)
    {
        final RunData run = new RunData(label, dir);
        readPeriods(run, dir.resolve(SettlementReportCsv.PERIOD_FILE), problems);
        readParties(run, dir.resolve(SettlementReportCsv.PARTY_DAY_FILE), problems);
        final Path exceptions = dir.resolve(SettlementReportCsv.EXCEPTIONS_FILE);
        if (Files.isRegularFile(exceptions))
        {
            readExceptions(run, exceptions, problems);
        }
        final Path missing = dir.resolve(RunCsv.MISSING_FILE);
        if (Files.isRegularFile(missing))
        {
            run.missingInputs = CsvReader.read(missing, 0L, problems, ReportData::countRows);
        }
        return run;
    }

    private static long countRows(final CsvReader csv)
    {
        long rows = 0;
        while (csv.next())
        {
            rows++;
        }
        return rows;
    }

    private static void readPeriods(final RunData run, final Path file, final List<InputProblem> problems)
    {
        if (!exists(file, problems))
        {
            return;
        }
        CsvReader.read(file, null, problems, csv ->
        {
            final List<String> header = SettlementReportCsv.PERIOD_HEADER;
            final int[] c = csv.requireColumns(problems, header.get(0), header.get(1), header.get(2), header.get(3));
            if (c == null)
            {
                return null;
            }
            while (csv.next())
            {
                if (run.date.isEmpty())
                {
                    run.date = csv.field(c[0]);
                }
                final int period = (int)csv.wholeNumber(c[1], 0, 0, problems);
                final double price = csv.decimal(c[2], Double.NaN, Double.NaN, problems);
                final double niv = csv.decimal(c[3], Double.NaN, Double.NaN, problems);
                run.periods.put(period, new double[] {price, niv});
            }
            return null;
        });
    }

    private static void readParties(final RunData run, final Path file, final List<InputProblem> problems)
    {
        if (!exists(file, problems))
        {
            return;
        }
        CsvReader.read(file, null, problems, csv ->
        {
            final List<String> h = SettlementReportCsv.PARTY_DAY_HEADER;
            final int[] c = csv.requireColumns(problems, h.get(1), h.get(2), h.get(3), h.get(4), h.get(5), h.get(6),
                h.get(7));
            if (c == null)
            {
                return null;
            }
            while (csv.next())
            {
                final double[] values = new double[Party.FIELDS.size()];
                for (int i = 0; i < values.length; i++)
                {
                    values[i] = csv.decimal(c[i + 1], 0, 0, problems);
                }
                run.parties.put(csv.field(c[0]), new Party(csv.field(c[0]), values));
            }
            return null;
        });
    }

    private static void readExceptions(final RunData run, final Path file, final List<InputProblem> problems)
    {
        CsvReader.read(file, null, problems, csv ->
        {
            final List<String> h = SettlementReportCsv.EXCEPTIONS_HEADER;
            final int[] c = csv.requireColumns(problems, h.toArray(new String[0]));
            if (c == null)
            {
                return null;
            }
            while (csv.next())
            {
                run.exceptionCount++;
                if (run.exceptions.size() < EXCEPTION_ROWS)
                {
                    final String[] row = new String[c.length];
                    for (int i = 0; i < c.length; i++)
                    {
                        row[i] = csv.field(c[i]);
                    }
                    run.exceptions.add(row);
                }
            }
            return null;
        });
    }

    private static List<Indicative> readIndicative(
        final Path file, final String date, final List<InputProblem> problems)
    {
        final List<Indicative> rows = new ArrayList<>();
        CsvReader.read(file, null, problems, csv ->
        {
            final int[] c = csv.requireColumns(problems, INDICATIVE_HEADER.toArray(new String[0]));
            if (c == null)
            {
                return null;
            }
            while (csv.next())
            {
                if (!date.isEmpty() && !date.equals(csv.field(c[0])))
                {
                    continue;
                }
                rows.add(new Indicative((int)csv.wholeNumber(c[1], 0, 0, problems),
                    csv.decimal(c[2], Double.NaN, Double.NaN, problems),
                    csv.decimal(c[3], Double.NaN, Double.NaN, problems), csv.wholeNumber(c[4], 0, 0, problems)));
            }
            return null;
        });
        rows.sort(Comparator.comparingInt(Indicative::period));
        return rows;
    }

    /**
     * The movement from one run to the next: per party and per period from the later run's {@code run_diff.csv}
     * when it has rows; otherwise per party from the two {@code party_day.csv} files (and none per period).
     */
    private static Movement readMovement(final RunData before, final RunData after, final List<InputProblem> problems)
    {
        final Movement movement = new Movement(before.label, after.label);
        final Path diff = after.dir.resolve(RunCsv.DIFF_FILE);
        if (Files.isRegularFile(diff))
        {
            CsvReader.read(diff, null, problems, csv ->
            {
                final List<String> h = RunCsv.DIFF_HEADER;
                final int[] c = csv.requireColumns(problems, h.get(1), h.get(2), h.get(5), h.get(6), h.get(7));
                if (c == null)
                {
                    return null;
                }
                while (csv.next())
                {
                    movement.diffRows++;
                    final int period = (int)csv.wholeNumber(c[0], 0, 0, problems);
                    final double netBefore = csv.decimal(c[2], 0, 0, problems);
                    final double netAfter = csv.decimal(c[3], 0, 0, problems);
                    final double change = csv.decimal(c[4], 0, 0, problems);
                    final double[] sums = movement.byPeriod.computeIfAbsent(period, k -> new double[3]);
                    sums[0] += change;
                    sums[change > 0 ? 1 : 2] += change;
                    final double[] party = movement.byParty.computeIfAbsent(csv.field(c[1]), k -> new double[3]);
                    party[0] += netBefore;
                    party[1] += netAfter;
                    party[2] += change;
                }
                return null;
            });
            movement.source = RunCsv.DIFF_FILE;
        }
        if (movement.diffRows == 0)
        {
            movement.byPeriod.clear();
            movement.byParty.clear();
            movement.source = SettlementReportCsv.PARTY_DAY_FILE;
            for (final Party p : before.parties.values())
            {
                movement.byParty.put(p.id, new double[] {p.net(), 0, -p.net()});
            }
            for (final Party p : after.parties.values())
            {
                final double[] party = movement.byParty.computeIfAbsent(p.id, k -> new double[3]);
                party[1] = p.net();
                party[2] = party[1] - party[0];
            }
        }
        return movement;
    }

    private static boolean exists(final Path file, final List<InputProblem> problems)
    {
        if (Files.isRegularFile(file))
        {
            return true;
        }
        problems.add(new InputProblem(file.toString(), 0, "", "", "the file is missing; point the report at a " +
            "folder written by bsc settle (or the demo)"));
        return false;
    }

    /**
     * One run's folder as read.
     */
    static final class RunData
    {
        final String label;
        final Path dir;
        String date = "";
        final TreeMap<Integer, double[]> periods = new TreeMap<>();
        final Map<String, Party> parties = new LinkedHashMap<>();
        final List<String[]> exceptions = new ArrayList<>();
        long exceptionCount;
        long missingInputs = -1;

        RunData(final String label, final Path dir)
        {
            this.label = label;
            this.dir = dir;
        }

        /**
         * @return periods read from {@code period.csv}.
         */
        int periodCount()
        {
            return periods.size();
        }

        /**
         * @return rows of {@code exceptions.csv}.
         */
        long exceptionCount()
        {
            return exceptionCount;
        }

        void toJson(final Json json)
        {
            json.beginObject().name("label").string(label).name("dir").string(dir.toString())
                .name("date").string(date).name("periods").beginArray();
            for (final Map.Entry<Integer, double[]> p : periods.entrySet())
            {
                json.beginObject().name("p").number(p.getKey()).name("price").number(p.getValue()[0])
                    .name("niv").number(p.getValue()[1]).endObject();
            }
            json.endArray().name("partyCount").number(parties.size()).name("topParties").beginArray();
            final List<Party> top = new ArrayList<>(parties.values());
            top.sort(Comparator.comparingDouble((Party p) -> -Math.abs(p.net())).thenComparing(Party::id));
            for (final Party p : top.subList(0, Math.min(TOP_PARTIES, top.size())))
            {
                json.beginObject().name("id").string(p.id);
                for (int i = 0; i < Party.FIELDS.size(); i++)
                {
                    json.name(Party.FIELDS.get(i)).number(p.values[i]);
                }
                json.endObject();
            }
            json.endArray().name("exceptionCount").number(exceptionCount)
                .name("exceptionsFile").string(dir.resolve(SettlementReportCsv.EXCEPTIONS_FILE).toString())
                .name("exceptionColumns").beginArray();
            for (final String column : SettlementReportCsv.EXCEPTIONS_HEADER)
            {
                json.string(column);
            }
            json.endArray().name("exceptions").beginArray();
            for (final String[] row : exceptions)
            {
                json.beginArray();
                for (final String field : row)
                {
                    json.string(field);
                }
                json.endArray();
            }
            json.endArray().name("missingInputs").number(missingInputs).endObject();
        }
    }

    /**
     * A party's day totals from {@code party_day.csv}.
     *
     * @param id     party id.
     * @param values cbm, cnd, caei, cii, rcrc, net (GBP).
     */
    record Party(String id, double[] values)
    {
        /** Names of {@link #values}, as the JSON fields. */
        static final List<String> FIELDS = List.of("cbm", "cnd", "caei", "cii", "rcrc", "net");

        double net()
        {
            return values[5];
        }
    }

    /**
     * One period's last indicative price.
     */
    record Indicative(int period, double price, double niv, long updates)
    {
    }

    /**
     * Run-to-run movement: per party (net before, after, change) and per period (net change, the sum of the increases
     * and the sum of the decreases over parties).
     */
    static final class Movement
    {
        final String from;
        final String to;
        final Map<String, double[]> byParty = new TreeMap<>();
        final TreeMap<Integer, double[]> byPeriod = new TreeMap<>();
        long diffRows;
        String source = "";

        Movement(final String from, final String to)
        {
            this.from = from;
            this.to = to;
        }

        void toJson(final Json json)
        {
            json.beginObject().name("from").string(from).name("to").string(to).name("source").string(source)
                .name("diffRows").number(diffRows).name("partiesMoved").number(moved()).name("topParties")
                .beginArray();
            final List<Map.Entry<String, double[]>> top = new ArrayList<>(byParty.entrySet());
            top.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[2]))
                .thenComparing(Map.Entry::getKey));
            for (final Map.Entry<String, double[]> e : top.subList(0, Math.min(TOP_PARTIES, top.size())))
            {
                json.beginObject().name("id").string(e.getKey()).name("before").number(e.getValue()[0])
                    .name("after").number(e.getValue()[1]).name("change").number(e.getValue()[2]).endObject();
            }
            json.endArray().name("periods").beginArray();
            for (final Map.Entry<Integer, double[]> p : byPeriod.entrySet())
            {
                json.beginObject().name("p").number(p.getKey()).name("change").number(p.getValue()[0])
                    .name("up").number(p.getValue()[1]).name("down").number(p.getValue()[2]).endObject();
            }
            json.endArray().endObject();
        }

        private long moved()
        {
            long moved = 0;
            for (final double[] v : byParty.values())
            {
                if (v[2] != 0)
                {
                    moved++;
                }
            }
            return moved;
        }
    }
}

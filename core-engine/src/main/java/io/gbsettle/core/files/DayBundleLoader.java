package io.gbsettle.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.agrona.collections.Long2LongHashMap;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.registry.EnergyAccount;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;
import io.gbsettle.core.time.SettlementRun;

/**
 * Reads a day bundle directory into a {@link DayBundle}: structure problems are fatal and collected into one
 * {@link InvalidInputException}; row problems become {@link InputProblem}s placed in their row's period and subject,
 * and the rows are left out.
 */
final class DayBundleLoader
{
    /**
     * Acceptance segments this close to the day are kept though they carry no energy in it: the volume kernel needs
     * them for the continuous acceptance duration (CADL, up to 15 minutes) of acceptances that cross midnight, and a
     * baseline may come from an acceptance issued before the day. Two hours covers both with room.
     */
    static final long ACCEPTANCE_MARGIN_SECONDS = 2 * 3600;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final long MISSING = InsightsJson.MISSING_LONG;
    /** The largest Bid-Offer Pair number accepted (BOD schemas go to ±6 today; the volume kernel to ±10). */
    static final int MAX_PAIR = 10;

    private final Path dir;
    private final List<InputProblem> fatal = new ArrayList<>();
    private final List<InputProblem> rowProblems = new ArrayList<>();
    private final List<InputProblem> scratch = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Long2LongHashMap seenKeys = new Long2LongHashMap(Long.MIN_VALUE);
    private final Map<String, Long> instants = new HashMap<>();
    private final Map<String, Double> percentages = new HashMap<>();
    private final Map<Integer, Integer> marketIndexProviders = new HashMap<>();
    private DayBundle bundle;
    private MarketRegistry registry;
    private String dateText;
    private String currentFile = "";

    private DayBundleLoader(final Path dir)
    {
        this.dir = dir;
    }

    static DayBundle load(final Path dir)
    {
        return new DayBundleLoader(dir).load();
    }

    private DayBundle load()
    {
        if (!Files.isDirectory(dir))
        {
            throw new InvalidInputException("day bundle " + dir, List.of(
                new InputProblem(dir.toString(), 0, "", "", "not a directory")));
        }
        for (final String name : DayBundle.REQUIRED_FILES)
        {
            if (!Files.isRegularFile(dir.resolve(name)))
            {
                fatal.add(new InputProblem(name, 0, "", "", "required file is missing"));
            }
        }
        failIfFatal();
        registry = RegistryCsv.load(dir);
        bundle = readDayFile();
        failIfFatal();

        readCsv(DayBundle.METERED_FILE, this::readMetered,
            "bm_unit_id", "settlement_period", "qm_mwh");
        final int meteredProblemsEnd = rowProblems.size();
        readCsv(DayBundle.ECVN_FILE, this::readEcvn,
            "from_party_id", "from_account", "to_party_id", "to_account", "settlement_period", "volume_mwh");
        readCsv(DayBundle.MVRN_FILE, this::readMvrn,
            "bm_unit_id", "subsidiary_party_id", "settlement_period", "fixed_mwh", "percentage");
        readJson(DayBundle.PN_FILE, this::readPn);
        readJson(DayBundle.BOD_FILE, this::readBod);
        readJson(DayBundle.BOALF_FILE, this::readBoalf);
        readJson(DayBundle.DISBSAD_FILE, this::readDisbsad);
        readJson(DayBundle.NETBSAD_FILE, this::readNetbsad);
        readJson(DayBundle.MID_FILE, this::readMid);
        if (Files.isRegularFile(dir.resolve(DayBundle.ABSVD_FILE)))
        {
            readCsv(DayBundle.ABSVD_FILE, this::readAbsvd, "bm_unit_id", "settlement_period", "qas_mwh");
        }
        if (Files.isRegularFile(dir.resolve(DayBundle.LOLP_FILE)))
        {
            readJson(DayBundle.LOLP_FILE, this::readLolp);
        }
        failIfFatal();

        bundle.seal();
        rowProblems.addAll(meteredProblemsEnd, missingMeteredVolumes());
        bundle.problems = List.copyOf(rowProblems);
        return bundle;
    }

    private void failIfFatal()
    {
        if (!fatal.isEmpty())
        {
            throw new InvalidInputException("day bundle from " + dir, fatal);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // day.json
    // ---------------------------------------------------------------------------------------------------------------

    private DayBundle readDayFile()
    {
        final String file = DayBundle.DAY_FILE;
        String date = null;
        String runCode = null;
        double price = Double.NaN;
        final Map<Integer, Double> prices = new LinkedHashMap<>();
        final Map<String, Double> parameters = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(dir.resolve(file));
            JsonParser parser = FACTORY.createParser(in))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                fatal.add(new InputProblem(file, 1, "", "",
                    "expected a JSON object {\"settlementDate\": ..., \"run\": ...}"));
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final int line = parser.currentLocation().getLineNr();
                final JsonToken value = parser.nextToken();
                switch (name)
                {
                    case "settlementDate" -> date = scalar(parser, value);
                    case "run" -> runCode = scalar(parser, value);
                    case "systemPrice" -> price = number(parser, value, file, line, name);
                    case "systemPrices" -> numberObject(parser, value, file, line, name, prices, parameters, true);
                    case "parameters" -> numberObject(parser, value, file, line, name, prices, parameters, false);
                    default ->
                    {
                        parser.skipChildren();
                        fatal.add(new InputProblem(file, line, name, "", "unknown field; expected settlementDate, " +
                            "run, systemPrice, systemPrices or parameters"));
                    }
                }
            }
        }
        catch (final JsonParseException ex)
        {
            fatal.add(new InputProblem(file, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(), "", "",
                "not valid JSON: " + ex.getOriginalMessage()));
            return null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + dir.resolve(file) + ": " + ex.getMessage(), ex);
        }

        long epochDay = MISSING;
        if (date == null)
        {
            fatal.add(new InputProblem(file, 0, "settlementDate", "", "missing field; expected YYYY-MM-DD"));
        }
        else
        {
            try
            {
                final LocalDate parsed = LocalDate.parse(date);
                if (parsed.isBefore(SettlementCalendar.FIRST_SUPPORTED_DAY) ||
                    parsed.isAfter(SettlementCalendar.LAST_SUPPORTED_DAY))
                {
                    fatal.add(new InputProblem(file, 0, "settlementDate", date, "outside the supported range " +
                        SettlementCalendar.FIRST_SUPPORTED_DAY + " .. " + SettlementCalendar.LAST_SUPPORTED_DAY));
                }
                else
                {
                    epochDay = parsed.toEpochDay();
                }
            }
            catch (final DateTimeParseException ex)
            {
                fatal.add(new InputProblem(file, 0, "settlementDate", date, "not a date; expected YYYY-MM-DD"));
            }
        }
        final SettlementRun run = runCode == null ? null : SettlementRun.ofCode(runCode);
        if (run == null)
        {
            fatal.add(new InputProblem(file, 0, "run", runCode == null ? "" : runCode,
                runCode == null ? "missing field; expected II, SF, R1, R2, R3, RF or DF" :
                "unknown run; expected II, SF, R1, R2, R3, RF or DF"));
        }
        if (!fatal.isEmpty())
        {
            return null;
        }
        dateText = LocalDate.ofEpochDay(epochDay).toString();
        final SettlementCalendar calendar = new SettlementCalendar(LocalDate.ofEpochDay(epochDay),
            LocalDate.ofEpochDay(epochDay));
        final int periods = calendar.periodsIn(epochDay);
        final double[] override = new double[periods + 1];
        Arrays.fill(override, price);
        override[0] = Double.NaN;
        for (final Map.Entry<Integer, Double> entry : prices.entrySet())
        {
            final int period = entry.getKey();
            if (period < 1 || period > periods)
            {
                fatal.add(new InputProblem(file, 0, "systemPrices", Integer.toString(period),
                    "no such settlement period: the day has " + periods));
            }
            else
            {
                override[period] = entry.getValue();
            }
        }
        return fatal.isEmpty() ? new DayBundle(registry, epochDay, run, override, parameters) : null;
    }

    private static String scalar(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
        {
            parser.skipChildren();
            return "";
        }
        return value == JsonToken.VALUE_NULL ? null : parser.getText();
    }

    private double number(
        final JsonParser parser, final JsonToken value, final String file, final int line, final String name)
        throws IOException
    {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)
        {
            final double parsed = parser.getDoubleValue();
            if (Double.isFinite(parsed))
            {
                return parsed;
            }
        }
        final String text = scalar(parser, value);
        fatal.add(new InputProblem(file, line, name, text == null ? "null" : text, "not a number"));
        return Double.NaN;
    }

    private void numberObject(
        final JsonParser parser, final JsonToken value, final String file, final int line, final String name,
        final Map<Integer, Double> prices, final Map<String, Double> parameters, final boolean byPeriod)
        throws IOException
    {
        if (value != JsonToken.START_OBJECT)
        {
            scalar(parser, value);
            fatal.add(new InputProblem(file, line, name, "", "expected an object of numbers"));
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String key = parser.currentName();
            final int keyLine = parser.currentLocation().getLineNr();
            final double number = number(parser, parser.nextToken(), file, keyLine, name + "." + key);
            if (byPeriod)
            {
                try
                {
                    prices.put(Integer.parseInt(key.trim()), number);
                }
                catch (final NumberFormatException ex)
                {
                    fatal.add(new InputProblem(file, keyLine, name, key, "not a settlement period number"));
                }
            }
            else if (!DayBundle.PARAMETER_NAMES.contains(key))
            {
                fatal.add(new InputProblem(file, keyLine, name, key, "unknown parameter; expected one of " +
                    String.join(", ", DayBundle.PARAMETER_NAMES)));
            }
            else if ("alpha".equals(key) && !(number >= 0.0 && number <= 1.0))
            {
                fatal.add(new InputProblem(file, keyLine, name + "." + key, Double.toString(number),
                    "alpha is a share of the losses: between 0 and 1"));
            }
            else
            {
                parameters.put(key, number);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // CSV files
    // ---------------------------------------------------------------------------------------------------------------

    private void readCsv(final String file, final Consumer<Csv> rowReader, final String... columns)
    {
        seen.clear();
        seenKeys.clear();
        currentFile = file;
        CsvReader.read(dir.resolve(file), Boolean.FALSE, fatal, csv ->
        {
            final int[] indices = csv.requireColumns(fatal, columns);
            if (indices == null)
            {
                return Boolean.FALSE;
            }
            final Csv row = new Csv(csv, indices);
            while (csv.next())
            {
                row.subject = "";
                row.period = 0;
                rowReader.accept(row);
                finishRow(0, row.period, row.subject);
            }
            return Boolean.TRUE;
        });
    }

    private void readMetered(final Csv row)
    {
        final int bmUnit = row.bmUnit(0);
        final int period = row.period(1);
        final double qm = row.decimal(2);
        if (clean() && unique(row.csv.line(), (long)bmUnit << 8 | period, "BM Unit and period"))
        {
            bundle.metered.add(period, bmUnit, qm);
        }
    }

    /**
     * Missing data is reported, not guessed: every BM Unit active on the day needs a metered volume in every period.
     * One problem per BM Unit that lacks some, naming the periods (as ranges) and placed at the first of them; the
     * day driver settles those periods on QM = 0.
     */
    private List<InputProblem> missingMeteredVolumes()
    {
        final MeteredVolumes metered = bundle.metered;
        final int periods = bundle.periodCount;
        final int units = registry.bmUnitCount();
        final boolean[] present = new boolean[units * (periods + 1)];
        for (int r = 0; r < metered.count(); r++)
        {
            present[metered.bmUnit(r) * (periods + 1) + metered.period(r)] = true;
        }
        final List<InputProblem> missing = new ArrayList<>();
        final StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < units; i++)
        {
            if (!bundle.day.active(i))
            {
                continue;
            }
            ranges.setLength(0);
            int first = 0;
            int missingPeriods = 0;
            int p = 1;
            while (p <= periods)
            {
                if (present[i * (periods + 1) + p])
                {
                    p++;
                    continue;
                }
                int last = p;
                while (last < periods && !present[i * (periods + 1) + last + 1])
                {
                    last++;
                }
                first = first == 0 ? p : first;
                missingPeriods += last - p + 1;
                ranges.append(ranges.length() == 0 ? "" : ", ").append(p);
                if (last > p)
                {
                    ranges.append('-').append(last);
                }
                p = last + 1;
            }
            if (first > 0)
            {
                missing.add(new InputProblem(DayBundle.METERED_FILE, 0, first, registry.bmUnitId(i), "", "",
                    "no metered volume for period" + (missingPeriods == 1 ? " " : "s ") + ranges +
                    "; settled as 0 MWh"));
            }
        }
        return missing;
    }

    private void readAbsvd(final Csv row)
    {
        final int bmUnit = row.bmUnit(0);
        final int period = row.period(1);
        final double qas = row.decimal(2);
        if (clean() && unique(row.csv.line(), (long)bmUnit << 8 | period, "BM Unit and period"))
        {
            bundle.absvd.add(period, bmUnit, qas);
        }
    }

    private void readEcvn(final Csv row)
    {
        final int from = row.account(0, 1);
        final int to = row.account(2, 3);
        final int period = row.period(4);
        final double volume = row.decimal(5);
        if (clean())
        {
            if (from == to)
            {
                scratch.add(row.csv.problem(row.columns[2], "from and to are the same Energy Account"));
                return;
            }
            bundle.ecvn.add(period, from, to, volume);
        }
    }

    private void readMvrn(final Csv row)
    {
        final int bmUnit = row.bmUnit(0);
        final String partyId = row.csv.field(row.columns[1]);
        final int party = row.party(1);
        if (!partyId.isEmpty() && row.subject.isEmpty())
        {
            row.subject = partyId;
        }
        final int period = row.period(2);
        final CsvReader csv = row.csv;
        final boolean noFixed = csv.field(row.columns[3]).isEmpty();
        final boolean noPercentage = csv.field(row.columns[4]).isEmpty();
        final double fixed = csv.decimal(row.columns[3], 0.0, Double.NaN, scratch);
        final double percentage = csv.decimal(row.columns[4], 0.0, Double.NaN, scratch);
        if (noFixed && noPercentage)
        {
            scratch.add(csv.problem(row.columns[3], "give fixed_mwh, percentage or both"));
        }
        if (!clean())
        {
            return;
        }
        if (percentage < 0.0 || percentage > 100.0)
        {
            scratch.add(csv.problem(row.columns[4], "percentage must be between 0 and 100"));
        }
        else if (party == bundle.day.leadParty(bmUnit))
        {
            scratch.add(csv.problem(row.columns[1], "the subsidiary party is the BM Unit's lead party"));
        }
        else if (unique(csv.line(), bmUnit + "/" + party + "/" + period, "BM Unit, subsidiary party and period"))
        {
            final String key = bmUnit + "/" + period;
            final double reallocated = percentages.getOrDefault(key, 0.0) + percentage;
            if (reallocated > 100.0 + 1e-9)
            {
                scratch.add(csv.problem(row.columns[4], "the percentages of this BM Unit and period add up to " +
                    reallocated + ", more than 100"));
                return;
            }
            percentages.put(key, reallocated);
            final int account = EnergyAccount.index(party, bundle.day.production(bmUnit));
            bundle.mvrn.add(period, bmUnit, account, fixed, percentage);
        }
    }

    /**
     * One CSV row being read: typed, located field readers that report into the row's problems.
     */
    private final class Csv
    {
        final CsvReader csv;
        final int[] columns;
        String subject = "";
        int period;

        Csv(final CsvReader csv, final int[] columns)
        {
            this.csv = csv;
            this.columns = columns;
        }

        int bmUnit(final int c)
        {
            final String id = csv.field(columns[c]);
            if (subject.isEmpty())
            {
                subject = id;
            }
            if (id.isEmpty())
            {
                scratch.add(csv.problem(columns[c], "missing value"));
                return MarketRegistry.NO_INDEX;
            }
            final int index = registry.bmUnitIndex(id);
            if (index == MarketRegistry.NO_INDEX)
            {
                scratch.add(csv.problem(columns[c], "unknown BM Unit: not in bm_units.csv"));
            }
            else if (!bundle.day.active(index))
            {
                scratch.add(csv.problem(columns[c], "BM Unit is not registered on " + dateText));
                return MarketRegistry.NO_INDEX;
            }
            return index;
        }

        int party(final int c)
        {
            final String id = csv.field(columns[c]);
            if (id.isEmpty())
            {
                scratch.add(csv.problem(columns[c], "missing value"));
                return MarketRegistry.NO_INDEX;
            }
            final int index = registry.partyIndex(id);
            if (index == MarketRegistry.NO_INDEX)
            {
                scratch.add(csv.problem(columns[c], "unknown party: not in parties.csv"));
            }
            return index;
        }

        int account(final int partyColumn, final int accountColumn)
        {
            final String id = csv.field(columns[partyColumn]);
            if (subject.isEmpty() || registry.partyIndex(subject) != MarketRegistry.NO_INDEX &&
                registry.partyIndex(id) == MarketRegistry.NO_INDEX)
            {
                // the row's subject: the first party, or the one that is unknown
                subject = id;
            }
            final int party = party(partyColumn);
            final boolean production = csv.flag(columns[accountColumn], "P", "C", scratch);
            return party == MarketRegistry.NO_INDEX ? EnergyAccount.NONE : EnergyAccount.index(party, production);
        }

        int period(final int c)
        {
            final long value = csv.wholeNumber(columns[c], MISSING, MISSING, scratch);
            if (csv.field(columns[c]).isEmpty())
            {
                scratch.add(csv.problem(columns[c], "missing value"));
                return 0;
            }
            if (value == MISSING)
            {
                return 0;
            }
            if (value < 1 || value > bundle.periodCount)
            {
                scratch.add(csv.problem(columns[c], "no such settlement period: " + dateText + " has " +
                    bundle.periodCount));
                return 0;
            }
            period = (int)value;
            return period;
        }

        double decimal(final int c)
        {
            if (csv.field(columns[c]).isEmpty())
            {
                scratch.add(csv.problem(columns[c], "missing value"));
                return Double.NaN;
            }
            return csv.decimal(columns[c], Double.NaN, Double.NaN, scratch);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Insights JSON files
    // ---------------------------------------------------------------------------------------------------------------

    private void readJson(final String file, final Consumer<InsightsJson> rowReader)
    {
        seen.clear();
        seenKeys.clear();
        currentFile = file;
        InsightsJson.read(dir.resolve(file), scratch, row ->
        {
            finishRow(0, 0, "");
            rowReader.accept(row);
            final long period = row.has("settlementPeriod") ? InsightsEvents.safeLong(row.text("settlementPeriod")) :
                InsightsEvents.safeLong(row.text("settlementPeriodFrom"));
            final String subject = row.text("bmUnit");
            finishRow(0, period >= 1 && period <= bundle.periodCount ? (int)period : 0,
                subject == null ? "" : subject);
        });
        for (final InputProblem problem : scratch)
        {
            if (problem.reason().startsWith("row "))
            {
                rowProblems.add(problem);
            }
            else
            {
                fatal.add(problem);
            }
        }
        scratch.clear();
    }

    private void readPn(final InsightsJson row)
    {
        final int bmUnit = bmUnit(row);
        final int period = periodOfDay(row);
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        if (clean() && insidePeriod(row, period, timeFrom, timeTo) &&
            unique(row.line(), (long)bmUnit << 40 | timeFrom - bundle.dayStartEpochSecond(), "bmUnit and timeFrom"))
        {
            bundle.pn.add(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
        }
    }

    private void readBod(final InsightsJson row)
    {
        final int bmUnit = bmUnit(row);
        final int period = periodOfDay(row);
        final long pairId = row.wholeNumber("pairId", true);
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        final double offer = row.decimal("offer", true);
        final double bid = row.decimal("bid", true);
        if (!clean())
        {
            return;
        }
        if (pairId == 0 || Math.abs(pairId) > MAX_PAIR)
        {
            scratch.add(row.problem("pairId", "not a Bid-Offer Pair number; expected ±1 .. ±" + MAX_PAIR));
        }
        else if (insidePeriod(row, period, timeFrom, timeTo) &&
            unique(row.line(), (long)bmUnit << 40 | (pairId + 128) << 32 | timeFrom - bundle.dayStartEpochSecond(),
                "bmUnit, pairId and timeFrom"))
        {
            bundle.bod.add(bmUnit, (int)pairId, timeFrom, levelFrom, timeTo, levelTo, offer, bid);
        }
    }

    private void readBoalf(final InsightsJson row)
    {
        final int bmUnit = bmUnit(row);
        final long number = row.wholeNumber("acceptanceNumber", true);
        final long acceptanceTime = row.instant("acceptanceTime");
        final long timeFrom = instant(row, "timeFrom");
        final long timeTo = instant(row, "timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        // The same bits as InputEvent's flags (AcceptanceSegments.SO == InputEvent.FLAG_SO ...).
        final int flags = InsightsEvents.acceptanceFlags(row);
        if (!clean())
        {
            return;
        }
        if (timeTo < timeFrom)
        {
            scratch.add(row.problem("timeTo", "the segment ends before it starts"));
        }
        else if (timeTo < bundle.dayStartEpochSecond() - ACCEPTANCE_MARGIN_SECONDS ||
            timeFrom > bundle.dayEndEpochSecond() + ACCEPTANCE_MARGIN_SECONDS)
        {
            scratch.add(row.problem("timeFrom", "the segment lies more than " + ACCEPTANCE_MARGIN_SECONDS / 3600 +
                " hours outside settlement day " + dateText));
        }
        else if (unique(row.line(), bmUnit + "/" + number + "/" + timeFrom, "bmUnit, acceptanceNumber and timeFrom"))
        {
            bundle.acceptances.add(bmUnit, number, acceptanceTime, timeFrom, levelFrom, timeTo, levelTo, flags);
        }
    }

    private void readDisbsad(final InsightsJson row)
    {
        final int period = periodOfDay(row);
        final long id = row.wholeNumber("id", true);
        final double cost = row.decimal("cost", false);
        final double volume = row.decimal("volume", true);
        final boolean so = row.flag("soFlag", false);
        final boolean stor = row.flag("storFlag", false);
        if (clean() && unique(row.line(), period + "/" + id, "settlementPeriod and id"))
        {
            bundle.bsad.add(period, (int)id, cost, volume, so, stor);
        }
    }

    private void readNetbsad(final InsightsJson row)
    {
        final int period = periodOfDay(row);
        final double bpa = row.decimal("buyPricePriceAdjustment", false);
        final double spa = row.decimal("sellPricePriceAdjustment", false);
        if (clean() && unique(row.line(), Integer.toString(period), "settlementPeriod"))
        {
            bundle.bpa[period] = Double.isNaN(bpa) ? 0.0 : bpa;
            bundle.spa[period] = Double.isNaN(spa) ? 0.0 : spa;
        }
    }

    private void readMid(final InsightsJson row)
    {
        final int period = periodOfDay(row);
        final String provider = row.text("dataProvider");
        final double price = row.decimal("price", true);
        final double volume = row.decimal("volume", true);
        if (!clean())
        {
            return;
        }
        if (volume < 0)
        {
            scratch.add(row.problem("volume", "a traded volume cannot be negative"));
        }
        else if (marketIndexProviders.getOrDefault(period, 0) == PriceStack.MAX_MARKET_INDEX)
        {
            scratch.add(row.problem("dataProvider", "more than " + PriceStack.MAX_MARKET_INDEX +
                " market index providers in one period"));
        }
        else if (unique(row.line(), provider + "/" + period, "dataProvider and settlementPeriod"))
        {
            marketIndexProviders.merge(period, 1, Integer::sum);
            bundle.marketIndex.add(period, price, volume);
        }
    }

    private void readLolp(final InsightsJson row)
    {
        final int period = row.has("settlementDate") ? periodOfDay(row) : period(row);
        final double lolp = row.decimal("lolp", true);
        final boolean window = row.flag("storAvailabilityWindow", true);
        if (!clean())
        {
            return;
        }
        if (lolp < 0.0 || lolp > 1.0)
        {
            scratch.add(row.problem("lolp", "a probability must be between 0 and 1"));
        }
        else if (unique(row.line(), Integer.toString(period), "settlementPeriod"))
        {
            bundle.lolp[period] = lolp;
            bundle.storWindow[period] = window;
        }
    }

    private int bmUnit(final InsightsJson row)
    {
        final String id = row.requireText("bmUnit");
        if (id == null)
        {
            return MarketRegistry.NO_INDEX;
        }
        final int index = registry.bmUnitIndex(id);
        if (index == MarketRegistry.NO_INDEX)
        {
            scratch.add(row.problem("bmUnit", "unknown BM Unit: not in bm_units.csv"));
        }
        else if (!bundle.day.active(index))
        {
            scratch.add(row.problem("bmUnit", "BM Unit is not registered on " + dateText));
            return MarketRegistry.NO_INDEX;
        }
        return index;
    }

    /**
     * The row's settlementDate, which must be the bundle's day, and its settlementPeriod.
     */
    private int periodOfDay(final InsightsJson row)
    {
        final long epochDay = dateText.equals(row.text("settlementDate")) ? bundle.epochDay :
            row.epochDay("settlementDate");
        if (epochDay != MISSING && epochDay != bundle.epochDay)
        {
            scratch.add(row.problem("settlementDate", "not the bundle's settlement day " + dateText));
        }
        return period(row);
    }

    private int period(final InsightsJson row)
    {
        final long period = row.wholeNumber("settlementPeriod", true);
        if (period == MISSING)
        {
            return 0;
        }
        if (period < 1 || period > bundle.periodCount)
        {
            scratch.add(row.problem("settlementPeriod", "no such settlement period: " + dateText + " has " +
                bundle.periodCount));
            return 0;
        }
        return (int)period;
    }

    private boolean insidePeriod(final InsightsJson row, final int period, final long timeFrom, final long timeTo)
    {
        if (timeTo < timeFrom)
        {
            scratch.add(row.problem("timeTo", "the segment ends before it starts"));
            return false;
        }
        final long start = bundle.periodStart[period];
        final long end = bundle.periodStart[period + 1];
        if (timeFrom < start || timeTo > end)
        {
            scratch.add(row.problem("timeFrom", "the segment lies outside settlement period " + period + " (" +
                Instant.ofEpochSecond(start) + " to " + Instant.ofEpochSecond(end) + ")"));
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Row bookkeeping
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * @return true when the current row has reported no problem yet.
     */
    private boolean clean()
    {
        return scratch.isEmpty();
    }

    private boolean unique(final int line, final long key, final String what)
    {
        final long first = seenKeys.get(key);
        if (first != seenKeys.missingValue())
        {
            scratch.add(new InputProblem(currentFile, line, "", "",
                "duplicate row: same " + what + " as line " + first));
            return false;
        }
        seenKeys.put(key, line);
        return true;
    }

    /**
     * A date-time field, parsed once per distinct text (a day's rows share a few hundred times).
     */
    private long instant(final InsightsJson row, final String name)
    {
        final String text = row.text(name);
        final Long cached = text == null ? null : instants.get(text);
        if (cached != null)
        {
            return cached;
        }
        final long parsed = row.instant(name);
        if (parsed != MISSING && instants.size() < 100_000)
        {
            instants.put(text, parsed);
        }
        return parsed;
    }

    private boolean unique(final int line, final String key, final String what)
    {
        final Integer first = seen.putIfAbsent(key, line);
        if (first != null)
        {
            scratch.add(new InputProblem(currentFile, line, "", "",
                "duplicate row: same " + what + " as line " + first));
            return false;
        }
        return true;
    }

    private void finishRow(final int from, final int period, final String subject)
    {
        for (int i = from; i < scratch.size(); i++)
        {
            rowProblems.add(scratch.get(i).in(period, subject));
        }
        scratch.clear();
    }
}

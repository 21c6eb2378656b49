package io.gbsettle.core.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.input.InvalidInputException;
import io.gbsettle.core.kernel.price.PriceStack;

/**
 * Loads one Settlement Period's price inputs from Elexon Insights files into a {@link PriceStack}: the settlement
 * stack responses ({@code /balancing/settlement/stack/all/offer|bid/{date}/{period}}, iris-insights.md §2.6), and
 * optionally NETBSAD (§2.9) and MID (§2.10) rows.
 *
 * <p>Only the raw stack columns are read: {@code id}, {@code acceptanceId}, {@code bidOfferPairId}, {@code soFlag},
 * {@code cadlFlag}, {@code storProviderFlag}, {@code originalPrice}, {@code volume} and
 * {@code transmissionLossMultiplier}; the published stage columns are left for comparison. A row with both an
 * {@code acceptanceId} and a {@code bidOfferPairId} is a BOA volume of BM Unit {@code id} (its price and TLM are
 * required); a row with neither is a BSAD action ({@code id} not a BM Unit; a null {@code originalPrice} is a null
 * price). {@code originalPrice} is taken as the price after STOR re-pricing, so no LoLP is applied.
 *
 * <p>Every problem (malformed JSON, a missing or mistyped field, a row of another date or period, an offer with a
 * negative volume, a duplicate row, no NETBSAD row for the period) is collected with its file, line and field, and
 * reported at once as an {@link InvalidInputException}.
 */
public final class SettlementStackFile
{
    private final PriceStack stack;
    private final String[] rowId;
    private final String[] rowSource;
    private final boolean[] rowCadl;

    private SettlementStackFile(final PriceStack stack, final List<String> ids, final List<String> sources,
        final boolean[] cadl)
    {
        this.stack = stack;
        this.rowId = ids.toArray(new String[0]);
        this.rowSource = sources.toArray(new String[0]);
        this.rowCadl = cadl;
    }

    /**
     * Loads a period.
     *
     * @param epochDay settlement date (days since 1970-01-01); rows naming another date are problems.
     * @param period   settlement period; rows naming another period are problems (NETBSAD and MID rows of other
     *                 periods are skipped, since those files often cover a whole day).
     * @param offers   the offer stack file.
     * @param bids     the bid stack file.
     * @param netbsad  NETBSAD rows, or null for BPA = SPA = 0.
     * @param mid      MID rows, or null for no market index data (Market Price 0).
     * @return the loaded period.
     * @throws InvalidInputException listing every problem found.
     * @throws java.io.UncheckedIOException when a file cannot be read.
     */
    public static SettlementStackFile load(
        final long epochDay, final int period, final Path offers, final Path bids, final Path netbsad,
        final Path mid)
    {
        final List<InputProblem> problems = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();
        readStack(offers, true, epochDay, period, rows, problems);
        readStack(bids, false, epochDay, period, rows, problems);
        final double[] adjusters = {0, 0};
        if (netbsad != null)
        {
            readNetbsad(netbsad, epochDay, period, adjusters, problems);
        }
        final List<double[]> marketIndex = new ArrayList<>();
        if (mid != null)
        {
            readMid(mid, epochDay, period, marketIndex, problems);
        }
        if (!problems.isEmpty())
        {
            throw new InvalidInputException("price inputs for period " + period, problems);
        }
        final PriceStack stack = new PriceStack(Math.max(1, rows.size()));
        final Map<String, Integer> bmUnits = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        final boolean[] cadl = new boolean[rows.size()];
        for (final Row row : rows)
        {
            final int r;
            if (row.boa)
            {
                final int bmUnit = bmUnits.computeIfAbsent(row.id, k -> bmUnits.size());
                r = stack.addBoa(bmUnit, row.acceptanceId, row.pairId, row.volume, row.price, row.tlm, row.so,
                    row.cadl ? PriceStack.CADL_YES : PriceStack.CADL_NO, 0, row.stor);
            }
            else
            {
                r = stack.addBsad(ids.size(), row.volume, row.price, row.so, row.stor);
            }
            cadl[r] = row.cadl;
            ids.add(row.id);
            sources.add(row.source);
        }
        stack.setAdjusters(adjusters[0], adjusters[1]);
        for (final double[] index : marketIndex)
        {
            stack.addMarketIndex(index[0], index[1]);
        }
        return new SettlementStackFile(stack, ids, sources, cadl);
    }

    /**
     * @return the loaded stack (rows in file order: offers, then bids).
     */
    public PriceStack stack()
    {
        return stack;
    }

    /**
     * @param row a row of {@link #stack()}.
     * @return its {@code id} as in the file (BM Unit or BSAD id).
     */
    public String rowId(final int row)
    {
        return rowId[row];
    }

    /**
     * @param row a row.
     * @return where it came from, {@code file:line}.
     */
    public String rowSource(final int row)
    {
        return rowSource[row];
    }

    /**
     * @param row a row.
     * @return its published {@code cadlFlag}.
     */
    public boolean rowCadlFlag(final int row)
    {
        return rowCadl[row];
    }

    private static void readStack(
        final Path file, final boolean offers, final long epochDay, final int period, final List<Row> rows,
        final List<InputProblem> problems)
    {
        final Set<String> seen = new HashSet<>();
        InsightsJson.read(file, problems, json ->
        {
            if (!samePeriod(json, epochDay, period, true))
            {
                return;
            }
            final int before = json.problems().size();
            final Row row = new Row();
            row.id = json.requireText("id");
            row.source = json.fileName() + ":" + json.line();
            row.volume = json.decimal("volume", true);
            row.so = json.flag("soFlag", false);
            row.cadl = json.flag("cadlFlag", false);
            row.stor = json.flag("storProviderFlag", false);
            final boolean hasAcceptance = json.has("acceptanceId");
            final boolean hasPair = json.has("bidOfferPairId");
            if (hasAcceptance != hasPair)
            {
                json.problems().add(json.problem(hasAcceptance ? "bidOfferPairId" : "acceptanceId",
                    "a BOA row needs both acceptanceId and bidOfferPairId, a BSAD row neither"));
            }
            row.boa = hasAcceptance && hasPair;
            if (row.boa)
            {
                row.acceptanceId = json.wholeNumber("acceptanceId", true);
                final long pair = json.wholeNumber("bidOfferPairId", true);
                row.pairId = (int)pair;
                row.price = json.decimal("originalPrice", true);
                row.tlm = json.decimal("transmissionLossMultiplier", true);
                if (row.acceptanceId != InsightsJson.MISSING_LONG &&
                    (row.acceptanceId < 0 || row.acceptanceId > PriceStack.MAX_ACCEPTANCE_ID))
                {
                    json.problems().add(json.problem("acceptanceId", "out of range 0.." +
                        PriceStack.MAX_ACCEPTANCE_ID));
                }
                if (pair != InsightsJson.MISSING_LONG && (pair == 0 || Math.abs(pair) > 1000))
                {
                    json.problems().add(json.problem("bidOfferPairId", "not a Bid-Offer pair number (+-1..)"));
                }
                if (row.tlm == row.tlm && !(row.tlm > 0))
                {
                    json.problems().add(json.problem("transmissionLossMultiplier", "must be > 0"));
                }
                if (row.id != null && !seen.add(row.id + "/" + row.acceptanceId + "/" + pair))
                {
                    json.problems().add(json.problem("acceptanceId",
                        "duplicate row for BM Unit " + row.id + ", acceptance and pair"));
                }
            }
            else
            {
                row.price = json.has("originalPrice") ? json.decimal("originalPrice", false) : Double.NaN;
            }
            if (row.volume == row.volume && (offers ? row.volume < 0 : row.volume > 0))
            {
                json.problems().add(json.problem("volume", offers ?
                    "an offer stack row must have a volume >= 0 (bids belong in the bid stack)" :
                    "a bid stack row must have a volume <= 0 (offers belong in the offer stack)"));
            }
            if (json.problems().size() == before)
            {
                rows.add(row);
            }
        });
    }

    private static void readNetbsad(
        final Path file, final long epochDay, final int period, final double[] adjusters,
        final List<InputProblem> problems)
    {
        final int[] found = {0};
        final int before = problems.size();
        InsightsJson.read(file, problems, json ->
        {
            if (!samePeriod(json, epochDay, period, false))
            {
                return;
            }
            found[0]++;
            if (found[0] > 1)
            {
                json.problems().add(json.problem("settlementPeriod", "a second NETBSAD row for period " + period));
                return;
            }
            final double bpa = json.decimal("buyPricePriceAdjustment", false);
            final double spa = json.decimal("sellPricePriceAdjustment", false);
            adjusters[0] = bpa == bpa ? bpa : 0;
            adjusters[1] = spa == spa ? spa : 0;
        });
        if (found[0] == 0 && problems.size() == before)
        {
            problems.add(new InputProblem(file.getFileName().toString(), 0, "settlementPeriod", "",
                "no NETBSAD row for " + java.time.LocalDate.ofEpochDay(epochDay) + " period " + period));
        }
    }

    private static void readMid(
        final Path file, final long epochDay, final int period, final List<double[]> marketIndex,
        final List<InputProblem> problems)
    {
        InsightsJson.read(file, problems, json ->
        {
            if (!samePeriod(json, epochDay, period, false))
            {
                return;
            }
            final double price = json.decimal("price", true);
            final double volume = json.decimal("volume", true);
            if (volume == volume && volume < 0)
            {
                json.problems().add(json.problem("volume", "must be >= 0"));
            }
            else if (price == price && volume == volume)
            {
                if (marketIndex.size() == PriceStack.MAX_MARKET_INDEX)
                {
                    json.problems().add(json.problem("dataProvider", "more than " + PriceStack.MAX_MARKET_INDEX +
                        " market index rows for the period"));
                    return;
                }
                marketIndex.add(new double[] {price, volume});
            }
        });
    }

    /**
     * Whether a row is for the period; rows without date or period fields are taken as the period's.
     *
     * @param strict report a row of another date or period as a problem (stack files) instead of skipping it.
     */
    private static boolean samePeriod(
        final InsightsJson json, final long epochDay, final int period, final boolean strict)
    {
        if (json.has("settlementDate"))
        {
            final long day = json.epochDay("settlementDate");
            if (day == InsightsJson.MISSING_LONG)
            {
                return false;
            }
            if (day != epochDay)
            {
                if (strict)
                {
                    json.problems().add(json.problem("settlementDate",
                        "row is not for " + java.time.LocalDate.ofEpochDay(epochDay)));
                }
                return false;
            }
        }
        if (json.has("settlementPeriod"))
        {
            final long p = json.wholeNumber("settlementPeriod", true);
            if (p == InsightsJson.MISSING_LONG)
            {
                return false;
            }
            if (p != period)
            {
                if (strict)
                {
                    json.problems().add(json.problem("settlementPeriod", "row is not for period " + period));
                }
                return false;
            }
        }
        return true;
    }

    private static final class Row
    {
        String id;
        String source;
        boolean boa;
        long acceptanceId;
        int pairId;
        double volume;
        double price;
        double tlm;
        boolean so;
        boolean cadl;
        boolean stor;
    }
}

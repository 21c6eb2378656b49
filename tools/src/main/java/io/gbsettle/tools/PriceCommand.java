package io.gbsettle.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import io.gbsettle.core.files.CalendarFiles;
import io.gbsettle.core.files.SettlementStackFile;
import io.gbsettle.core.kernel.price.ImbalancePriceKernel;
import io.gbsettle.core.kernel.price.PriceOptions;
import io.gbsettle.core.kernel.price.PriceParameters;
import io.gbsettle.core.kernel.price.PriceResult;
import io.gbsettle.core.kernel.price.PriceStack;
import io.gbsettle.core.time.SettlementCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bsc price}: recomputes a Settlement Period's imbalance price from Elexon's published settlement stack
 * (and NETBSAD, MID), printing the price and the published-style figures, or a JSON object that can be compared
 * field by field with the published system prices and stack.
 */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = {
        "Recompute SBP = SSP for one settlement period from the Insights settlement stack responses",
        "(/balancing/settlement/stack/all/offer|bid/{date}/{period}), using only their raw columns, plus NETBSAD",
        "(BPA/SPA) and MID rows when given. Malformed or inconsistent files are listed with file, line and field,",
        "and the exit code is 1."},
    footer = {"", "Example: ./bsc price --date 2020-06-25 --period 20 --offers examples/price/tv1/offers.json " +
        "--bids examples/price/tv1/bids.json --netbsad examples/price/tv1/netbsad.json"})
final class PriceCommand implements Runnable
{
    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Settlement date.")
    LocalDate date;

    @Option(names = "--period", required = true, paramLabel = "N", description = "Settlement period (1..46/48/50).")
    int period;

    @Option(names = "--offers", required = true, paramLabel = "FILE", description = "Offer stack JSON.")
    Path offers;

    @Option(names = "--bids", required = true, paramLabel = "FILE", description = "Bid stack JSON.")
    Path bids;

    @Option(names = "--netbsad", paramLabel = "FILE", description = "NETBSAD JSON (BPA/SPA); default 0.")
    Path netbsad;

    @Option(names = "--mid", paramLabel = "FILE", description = "MID JSON (Market Price); default none (0).")
    Path mid;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    boolean json;

    @Override
    public void run()
    {
        final PriceParameters parameters = parameters();
        for (final Path file : new Path[] {offers, bids, netbsad, mid})
        {
            if (file != null && !Files.isRegularFile(file))
            {
                throw new ParameterException(spec.commandLine(), file + " is not a file");
            }
        }
        final SettlementStackFile loaded =
            SettlementStackFile.load(date.toEpochDay(), period, offers, bids, netbsad, mid);
        final PriceStack stack = loaded.stack();
        final PriceResult result = new PriceResult(stack.capacity());
        ImbalancePriceKernel.price(parameters, PriceOptions.defaults(), stack, result);
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            out.println(json(parameters, loaded, result));
        }
        else
        {
            text(out, parameters, loaded, result);
        }
        out.flush();
    }

    private PriceParameters parameters()
    {
        final SettlementCalendar calendar = CalendarFiles.defaults().settlementCalendar();
        final long day = date.toEpochDay();
        if (day < PriceParameters.SINGLE_PRICE_START)
        {
            throw new ParameterException(spec.commandLine(), "--date " + date + " is before the single imbalance " +
                "price (P305, 2015-11-05); dual cash-out prices are not computed");
        }
        if (!calendar.isSupported(day))
        {
            throw new ParameterException(spec.commandLine(), "--date " + date + " is outside the supported range " +
                calendar.firstDay() + ".." + calendar.lastDay());
        }
        final int periods = calendar.periodsIn(day);
        if (period < 1 || period > periods)
        {
            throw new ParameterException(spec.commandLine(), "--period " + period + " is not a settlement period of " +
                date + " (1.." + periods + ")");
        }
        return PriceParameters.on(day);
    }

    private void text(
        final PrintWriter out, final PriceParameters parameters, final SettlementStackFile loaded,
        final PriceResult r)
    {
        out.println("settlement date " + date + " period " + period + ": " + parameters);
        out.println(line("system price (SBP = SSP)", money(r.systemPrice()) + " GBP/MWh"));
        out.println(line("price derivation code", String.valueOf(r.priceDerivationCode())));
        out.println(line("net imbalance volume", mwh(r.netImbalanceVolume()) + " MWh"));
        out.println(line("main price", money(r.mainPrice())));
        out.println(line("adjuster (BPA/SPA)", money(r.adjuster())));
        out.println(line("replacement price", Double.isNaN(r.replacementPrice()) ? "none" :
            money(r.replacementPrice()) + " (reference volume " + mwh(r.replacementPriceReferenceVolume()) + " MWh)"));
        out.println(line("market price", money(r.marketPrice())));
        out.println(line("accepted offer / bid volume", mwh(r.totalAcceptedOfferVolume()) + " / " +
            mwh(r.totalAcceptedBidVolume()) + " MWh"));
        out.println(line("adjustment buy / sell volume", mwh(r.totalAdjustmentBuyVolume()) + " / " +
            mwh(r.totalAdjustmentSellVolume()) + " MWh"));
        out.println();
        out.println("id,acceptanceId,bidOfferPairId,volume,originalPrice,dmatAdjustedVolume,arbitrageAdjustedVolume," +
            "nivAdjustedVolume,parAdjustedVolume,finalPrice,transmissionLossMultiplier");
        final PriceStack stack = loaded.stack();
        for (int i = 0; i < r.size(); i++)
        {
            final boolean boa = stack.kind(i) == PriceStack.KIND_BOA;
            out.println(loaded.rowId(i) + "," + (boa ? Long.toString(stack.id(i)) : "") + "," +
                (boa ? Integer.toString(stack.pairId(i)) : "") + "," + mwh(stack.volume(i)) + "," +
                money(r.originalPrice(i)) + "," + mwh(r.dmatAdjustedVolume(i)) + "," +
                mwh(r.arbitrageAdjustedVolume(i)) + "," + mwh(r.nivAdjustedVolume(i)) + "," +
                mwh(r.parAdjustedVolume(i)) + "," + money(r.finalPrice(i)) + "," +
                (boa ? Double.toString(r.lossFactor(i)) : ""));
        }
    }

    private String json(final PriceParameters parameters, final SettlementStackFile loaded, final PriceResult r)
    {
        final Json j = new Json().beginObject()
            .field("settlementDate", date.toString())
            .field("settlementPeriod", period)
            .field("systemSellPrice", r.systemPrice())
            .field("systemBuyPrice", r.systemPrice())
            .field("systemPrice", r.systemPrice())
            .field("netImbalanceVolume", r.netImbalanceVolume())
            .field("mainPrice", r.mainPrice())
            .field("buyPriceAdjustment", loaded.stack().bpa())
            .field("sellPriceAdjustment", loaded.stack().spa())
            .field("adjuster", r.adjuster())
            .field("replacementPrice", r.replacementPrice())
            .field("replacementPriceReferenceVolume", r.replacementPriceReferenceVolume())
            .field("marketPrice", r.marketPrice())
            .field("priceDerivationCode", String.valueOf(r.priceDerivationCode()))
            .field("totalAcceptedOfferVolume", r.totalAcceptedOfferVolume())
            .field("totalAcceptedBidVolume", r.totalAcceptedBidVolume())
            .field("totalAdjustmentBuyVolume", r.totalAdjustmentBuyVolume())
            .field("totalAdjustmentSellVolume", r.totalAdjustmentSellVolume())
            .field("totalSystemTaggedAcceptedOfferVolume", r.totalSystemTaggedAcceptedOfferVolume())
            .field("totalSystemTaggedAcceptedBidVolume", r.totalSystemTaggedAcceptedBidVolume())
            .field("totalSystemTaggedAdjustmentBuyVolume", r.totalSystemTaggedAdjustmentBuyVolume())
            .field("totalSystemTaggedAdjustmentSellVolume", r.totalSystemTaggedAdjustmentSellVolume())
            .name("parameters").beginObject()
            .field("par", parameters.par())
            .field("rpar", parameters.rpar())
            .field("dmat", parameters.dmat())
            .field("cadlSeconds", parameters.cadlSeconds())
            .field("voll", parameters.voll())
            .endObject()
            .name("actions").beginArray();
        final PriceStack stack = loaded.stack();
        for (int i = 0; i < r.size(); i++)
        {
            final boolean boa = stack.kind(i) == PriceStack.KIND_BOA;
            j.beginObject()
                .field("id", loaded.rowId(i))
                .field("source", loaded.rowSource(i))
                .field("side", stack.volume(i) < 0 ? "sell" : "buy");
            if (boa)
            {
                j.field("acceptanceId", stack.id(i)).field("bidOfferPairId", stack.pairId(i))
                    .field("cadlFlag", loaded.rowCadlFlag(i));
            }
            j.field("soFlag", stack.so(i))
                .field("storProviderFlag", stack.stor(i))
                .field("firstStageFlagged", r.firstStageFlagged(i))
                .field("secondStageFlagged", r.secondStageFlagged(i))
                .field("repricedIndicator", r.repriced(i))
                .field("originalPrice", r.originalPrice(i))
                .field("volume", stack.volume(i))
                .field("dmatAdjustedVolume", r.dmatAdjustedVolume(i))
                .field("arbitrageAdjustedVolume", r.arbitrageAdjustedVolume(i))
                .field("nivAdjustedVolume", r.nivAdjustedVolume(i))
                .field("parAdjustedVolume", r.parAdjustedVolume(i))
                .field("finalPrice", r.finalPrice(i))
                .field("transmissionLossMultiplier", boa ? r.lossFactor(i) : Double.NaN)
                .field("tlmAdjustedVolume", r.tlmAdjustedVolume(i))
                .field("tlmAdjustedCost", r.tlmAdjustedCost(i))
                .endObject();
        }
        return j.endArray().endObject().toString();
    }

    private static String line(final String label, final String value)
    {
        return String.format(Locale.ROOT, "%-30s %s", label + ":", value);
    }

    private static String money(final double value)
    {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mwh(final double value)
    {
        return String.format(Locale.ROOT, "%.3f", value + 0.0);
    }
}

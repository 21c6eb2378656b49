package io.gbsettle.core.kernel.price;

import io.gbsettle.core.time.EpochDays;

/**
 * The effective-dated BSC parameters of the imbalance price (Section T 1.8-1.12, bsc-calculations.md §1.4), with
 * their history built in, so that a historic period is priced under the rules in force on its settlement date.
 *
 * <table>
 *   <caption>History</caption>
 *   <tr><th>parameter</th><th>values</th></tr>
 *   <tr><td>PAR</td><td>500 MWh before P305 (5 Nov 2015); 50 MWh from 2015-11-05; 1 MWh from 2018-11-01</td></tr>
 *   <tr><td>RPAR</td><td>100 MWh under P217 (before the single price); 1 MWh from 2015-11-05 (P305; §1.4 "1 MWh,
 *   100 MWh pre-P305" [V])</td></tr>
 *   <tr><td>DMAT</td><td>1 MWh; 0.1 MWh from 2019-04-01</td></tr>
 *   <tr><td>CADL</td><td>15 minutes; 10 minutes from 2019-04-01</td></tr>
 *   <tr><td>VoLL</td><td>3,000 GBP/MWh; 6,000 GBP/MWh from 2018-11-01</td></tr>
 *   <tr><td>ILT</td><td>25 MWh (MIDS individual liquidity threshold)</td></tr>
 * </table>
 *
 * <p>The 500 MWh PAR of the dual-price regime is kept in {@link #PAR_HISTORY} for the record, but {@link #on(long)}
 * rejects dates before the single price (2015-11-05): this kernel computes SBP = SSP only, and pricing an earlier
 * period with it would give a wrong answer silently. {@link #on(long)} returns shared instances and allocates
 * nothing.
 */
public final class PriceParameters
{
    /** 2015-11-05: P305 single imbalance price, PAR 50 MWh, RPAR 1 MWh. */
    public static final long SINGLE_PRICE_START = EpochDays.of(2015, 11, 5);
    /** 2018-11-01: P305 second step, PAR 1 MWh, VoLL 6,000 GBP/MWh. */
    public static final long P305_STEP_TWO = EpochDays.of(2018, 11, 1);
    /** 2019-04-01: DMAT 0.1 MWh, CADL 10 minutes. */
    public static final long DMAT_CADL_CHANGE = EpochDays.of(2019, 4, 1);
    /** 2009-11-05: P217, from which the flagging and tagging rules (and PAR 500 MWh) applied. */
    public static final long P217_START = EpochDays.of(2009, 11, 5);

    /** PAR history as {from epoch day, MWh} pairs, oldest first (the first entry predates the single price). */
    public static final double[][] PAR_HISTORY = {{P217_START, 500}, {SINGLE_PRICE_START, 50}, {P305_STEP_TWO, 1}};
    /** RPAR history as {from epoch day, MWh} pairs (the first entry predates the single price). */
    public static final double[][] RPAR_HISTORY = {{P217_START, 100}, {SINGLE_PRICE_START, 1}};
    /** DMAT history as {from epoch day, MWh} pairs. */
    public static final double[][] DMAT_HISTORY = {{P217_START, 1}, {DMAT_CADL_CHANGE, 0.1}};
    /** CADL history as {from epoch day, seconds} pairs. */
    public static final double[][] CADL_HISTORY = {{P217_START, 15 * 60}, {DMAT_CADL_CHANGE, 10 * 60}};
    /** VoLL history as {from epoch day, GBP/MWh} pairs. */
    public static final double[][] VOLL_HISTORY = {{SINGLE_PRICE_START, 3_000}, {P305_STEP_TWO, 6_000}};
    /** MIDS individual liquidity threshold (MWh). */
    public static final double LIQUIDITY_THRESHOLD = 25;

    private static final PriceParameters[] REGIMES = {
        fromHistory(SINGLE_PRICE_START), fromHistory(P305_STEP_TWO), fromHistory(DMAT_CADL_CHANGE)};

    private final double par;
    private final double rpar;
    private final double dmat;
    private final long cadlSeconds;
    private final double voll;
    private final double liquidityThreshold;

    private PriceParameters(
        final double par, final double rpar, final double dmat, final long cadlSeconds, final double voll,
        final double liquidityThreshold)
    {
        this.par = par;
        this.rpar = rpar;
        this.dmat = dmat;
        this.cadlSeconds = cadlSeconds;
        this.voll = voll;
        this.liquidityThreshold = liquidityThreshold;
    }

    /**
     * The parameters in force on a settlement date.
     *
     * @param epochDay settlement date as days since 1970-01-01.
     * @return the shared parameters of that date's regime.
     * @throws IllegalArgumentException before 2015-11-05, when the dual imbalance price applied.
     */
    public static PriceParameters on(final long epochDay)
    {
        if (epochDay < SINGLE_PRICE_START)
        {
            throw new IllegalArgumentException("settlement date " + java.time.LocalDate.ofEpochDay(epochDay) +
                " is before the single imbalance price (P305, 2015-11-05): dual cash-out prices (SBP != SSP) " +
                "are not computed by this kernel");
        }
        return epochDay >= DMAT_CADL_CHANGE ? REGIMES[2] : epochDay >= P305_STEP_TWO ? REGIMES[1] : REGIMES[0];
    }

    /**
     * Explicit parameters, for what-if studies and tests.
     *
     * @param par                PAR (MWh), &gt; 0.
     * @param rpar               RPAR (MWh), &gt; 0.
     * @param dmat               DMAT (MWh), &gt;= 0.
     * @param cadlSeconds        CADL (seconds), &gt;= 0.
     * @param voll               VoLL (GBP/MWh).
     * @param liquidityThreshold MIDS liquidity threshold (MWh), &gt;= 0.
     * @return the parameters.
     */
    public static PriceParameters of(
        final double par, final double rpar, final double dmat, final long cadlSeconds, final double voll,
        final double liquidityThreshold)
    {
        if (!(par > 0) || !(rpar > 0) || !(dmat >= 0) || cadlSeconds < 0 || !Double.isFinite(voll) ||
            !(liquidityThreshold >= 0))
        {
            throw new IllegalArgumentException("PAR and RPAR must be > 0, DMAT, CADL and ILT >= 0, VoLL finite");
        }
        return new PriceParameters(par, rpar, dmat, cadlSeconds, voll, liquidityThreshold);
    }

    private static PriceParameters fromHistory(final long epochDay)
    {
        return new PriceParameters(valueOn(PAR_HISTORY, epochDay), valueOn(RPAR_HISTORY, epochDay),
            valueOn(DMAT_HISTORY, epochDay), (long)valueOn(CADL_HISTORY, epochDay), valueOn(VOLL_HISTORY, epochDay),
            LIQUIDITY_THRESHOLD);
    }

    private static double valueOn(final double[][] history, final long epochDay)
    {
        double value = history[0][1];
        for (final double[] entry : history)
        {
            if (epochDay >= entry[0])
            {
                value = entry[1];
            }
        }
        return value;
    }

    /**
     * @return PAR, the Price Average Reference volume (MWh): the most expensive PAR of the NIV sets the price.
     */
    public double par()
    {
        return par;
    }

    /**
     * @return RPAR, the Replacement Price Average Reference volume (MWh).
     */
    public double rpar()
    {
        return rpar;
    }

    /**
     * @return DMAT, the De Minimis Acceptance Threshold (MWh): smaller acceptances are tagged out.
     */
    public double dmat()
    {
        return dmat;
    }

    /**
     * @return CADL, the Continuous Acceptance Duration Limit, in seconds: shorter acceptances are flagged.
     */
    public long cadlSeconds()
    {
        return cadlSeconds;
    }

    /**
     * @return VoLL, the Value of Lost Load (GBP/MWh): prices demand control and, times LoLP, STOR (RSVP).
     */
    public double voll()
    {
        return voll;
    }

    /**
     * @return ILT, the MIDS individual liquidity threshold (MWh): smaller market index volumes are ignored.
     */
    public double liquidityThreshold()
    {
        return liquidityThreshold;
    }

    @Override
    public String toString()
    {
        return "PriceParameters{PAR=" + par + " MWh, RPAR=" + rpar + " MWh, DMAT=" + dmat + " MWh, CADL=" +
            cadlSeconds + " s, VoLL=" + voll + ", ILT=" + liquidityThreshold + " MWh}";
    }
}

package io.gbsettle.core.settle;

/**
 * Where a day's settlement results go, one row at a time, as primitives (registry indices, MWh, £, £/MWh): the
 * driver calls it for every row and the sink decides what to do with it (write CSV, compare, journal). The order of
 * each method's parameters is the column order of its report (see {@code io.gbsettle.core.settle.SettlementReportCsv}).
 *
 * <p>Call order: for each period 1..N, {@link #bmUnitPeriod} for every BM Unit registered on the day, then
 * {@link #accountPeriod} for every Energy Account, then {@link #period}; after the last period,
 * {@link #partyDay} for every party; finally {@link #end()}.
 */
public interface SettlementReport
{
    /**
     * One BM Unit in one Settlement Period.
     *
     * @param period the Settlement Period.
     * @param bmUnit the BM Unit's registry index.
     * @param fpn    Period FPN, MWh.
     * @param qao    total accepted offer volume Σ QAO, MWh (≥ 0).
     * @param qab    total accepted bid volume Σ QAB, MWh (≤ 0).
     * @param qbs    Balancing Services Volume QBS, MWh.
     * @param qm     Metered Volume QM, MWh.
     * @param tlm    Transmission Loss Multiplier.
     * @param qme    Expected Metered Volume QME, MWh.
     * @param qii    Information Imbalance Volume QII, MWh.
     * @param qndo   non-delivered offer volume, MWh.
     * @param qndb   non-delivered bid volume, MWh.
     * @param cbm    BM Unit Cashflow CBM, £ (positive = credit to the lead party).
     * @param cnd    Non-Delivery Charge CND, £ (positive = debit).
     * @param cii    Information Imbalance Charge CII, £ (positive = debit).
     */
    void bmUnitPeriod(
        int period, int bmUnit, double fpn, double qao, double qab, double qbs, double qm, double tlm, double qme,
        double qii, double qndo, double qndb, double cbm, double cnd, double cii);

    /**
     * One Energy Account in one Settlement Period.
     *
     * @param period  the Settlement Period.
     * @param account the Energy Account index ({@code 2p} Production, {@code 2p + 1} Consumption).
     * @param qace    Account Credited Energy Volume, MWh.
     * @param qabc    Account Bilateral Contract Volume, MWh (positive = net seller).
     * @param qabs    Account Balancing Services Volume, MWh.
     * @param qaei    Account Energy Imbalance Volume, MWh (positive = long).
     * @param caei    Energy Imbalance Cashflow, £ (positive = debit).
     * @param rcrp    Residual Cashflow Reallocation Proportion.
     * @param rcrc    Residual Cashflow Reallocation Cashflow, £ (positive = credit).
     */
    void accountPeriod(
        int period, int account, double qace, double qabc, double qabs, double qaei, double caei, double rcrp,
        double rcrc);

    /**
     * One Settlement Period's market-wide figures.
     *
     * @param period      the Settlement Period.
     * @param systemPrice the system price SBP = SSP, £/MWh.
     * @param niv         Net Imbalance Volume, MWh (positive = system short).
     * @param tloss       transmission losses Σ QM, MWh.
     * @param tlmoPlus    TLMO+ (delivering adjustment).
     * @param tlmoMinus   TLMO− (offtaking adjustment).
     * @param totalCbm    Σ CBM, £.
     * @param totalCaei   Σ CAEI, £.
     * @param trc         Total Residual Cashflow, £.
     * @param soCashflow  System Operator BM cashflow, £.
     */
    void period(
        int period, double systemPrice, double niv, double tloss, double tlmoPlus, double tlmoMinus, double totalCbm,
        double totalCaei, double trc, double soCashflow);

    /**
     * One party's daily totals.
     *
     * @param party the party's registry index.
     * @param cbm   Σ CBM, £ (credit).
     * @param cnd   Σ CND, £ (debit).
     * @param caei  Σ CAEI, £ (debit).
     * @param cii   Σ CII, £ (debit).
     * @param rcrc  Σ RCRC, £ (credit).
     * @param net   what the party receives: cbm − cnd − caei − cii + rcrc, £ (positive = credit).
     */
    void partyDay(int party, double cbm, double cnd, double caei, double cii, double rcrc, double net);

    /**
     * The day is done; nothing follows.
     */
    void end();
}

package io.gbsettle.core.registry;

/**
 * Energy Accounts as dense indices. Every Party has exactly two, a Production and a Consumption account, so the
 * accounts need no table of their own: account {@code a} of party {@code p} is
 *
 * <pre>
 *   a = p * 2 + (production ? 0 : 1)        p = a / 2 (a &gt;&gt; 1)        production = (a &amp; 1) == 0
 * </pre>
 *
 * <p>and a per-account array is sized {@link #count(int) count(partyCount)}. A BM Unit's metered volume is credited
 * to its lead party's account of the BM Unit's own P/C status.
 */
public final class EnergyAccount
{
    /**
     * Offset of the Production account within a party's pair.
     */
    public static final int PRODUCTION = 0;

    /**
     * Offset of the Consumption account within a party's pair.
     */
    public static final int CONSUMPTION = 1;

    /**
     * Missing value: no account (for example, that of an inactive BM Unit).
     */
    public static final int NONE = -1;

    private EnergyAccount()
    {
    }

    /**
     * The account index of one of a party's two accounts.
     *
     * @param party      party index.
     * @param production true for the Production account, false for the Consumption account.
     * @return the account index.
     */
    public static int index(final int party, final boolean production)
    {
        return (party << 1) + (production ? PRODUCTION : CONSUMPTION);
    }

    /**
     * The party that holds an account.
     *
     * @param account account index.
     * @return the party index.
     */
    public static int party(final int account)
    {
        return account >> 1;
    }

    /**
     * Whether an account is a Production account.
     *
     * @param account account index.
     * @return true for Production, false for Consumption.
     */
    public static boolean isProduction(final int account)
    {
        return (account & 1) == PRODUCTION;
    }

    /**
     * How many accounts a number of parties hold, for sizing per-account arrays.
     *
     * @param partyCount number of parties.
     * @return {@code 2 * partyCount}.
     */
    public static int count(final int partyCount)
    {
        return partyCount << 1;
    }
}

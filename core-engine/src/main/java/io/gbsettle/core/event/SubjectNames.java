package io.gbsettle.core.event;

/**
 * How a record's description names its BM Units, parties and Energy Accounts: by index (the default,
 * {@link #INDICES}: {@code #12}, {@code #3}, {@code a7}) or, when a market registry is at hand, by their ids
 * (journal inspection). Used by {@link EventType#describe(InputEvent, StringBuilder, SubjectNames)} and
 * {@link ResultRecord#appendTo(StringBuilder, SubjectNames)}; not for the hot path.
 */
public interface SubjectNames
{
    /** Names by index: {@code #bmUnit}, {@code #party}, {@code a<account>}. */
    SubjectNames INDICES = new SubjectNames()
    {
    };

    /**
     * @param bmUnit   a BM Unit index.
     * @param epochDay the Settlement Day of the record (registrations change).
     * @param out      where to append its name.
     * @return {@code out}.
     */
    default StringBuilder bmUnit(final int bmUnit, final long epochDay, final StringBuilder out)
    {
        return out.append('#').append(bmUnit);
    }

    /**
     * @param party a party index.
     * @param out   where to append its name.
     * @return {@code out}.
     */
    default StringBuilder party(final int party, final StringBuilder out)
    {
        return out.append('#').append(party);
    }

    /**
     * @param account an Energy Account index (2 x party + 0 for Production, + 1 for Consumption).
     * @param out     where to append its name.
     * @return {@code out}.
     */
    default StringBuilder account(final int account, final StringBuilder out)
    {
        return out.append('a').append(account);
    }
}

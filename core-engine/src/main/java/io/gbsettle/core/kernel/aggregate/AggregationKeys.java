package io.gbsettle.core.kernel.aggregate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.gbsettle.core.registry.GspGroup;

/**
 * The distinct registration classes a day's MPANs aggregate into: (supplier, GSP Group, Line Loss Factor Class,
 * import or export, correctable or not). Every MPAN slot carries one key; sums are kept per key and period, the
 * line loss uplift is applied per key after summing (it is linear, so this is exact), and keys fold into supplier x
 * GSP Group rows at the end. Suppliers and LLFCs are dense indices into the caller's lists.
 */
public final class AggregationKeys
{
    private final Map<Long, Integer> index = new HashMap<>();
    private int count;
    private int[] supplier = new int[16];
    private int[] gspGroup = new int[16];
    private int[] llfc = new int[16];
    private byte[] flags = new byte[16];

    private static final byte EXPORT = 1;
    private static final byte CORRECTABLE = 2;

    /**
     * Finds or adds the key of a registration class.
     *
     * @param supplierIndex supplier index, 0..65535.
     * @param gspGroupIndex GSP Group index, 0..13.
     * @param llfcIndex     LLFC index, 0..2^24-1.
     * @param export        whether the MPAN is an export (its volume counts as negative consumption).
     * @param correctable   whether its volume is subject to GSP Group Correction.
     * @return the key, dense from 0 in order of first use.
     */
    public int key(
        final int supplierIndex, final int gspGroupIndex, final int llfcIndex, final boolean export,
        final boolean correctable)
    {
        if (supplierIndex < 0 || supplierIndex > 0xFFFF || gspGroupIndex < 0 || gspGroupIndex >= GspGroup.COUNT ||
            llfcIndex < 0 || llfcIndex > 0xFF_FFFF)
        {
            throw new IllegalArgumentException("registration class out of range: supplier " + supplierIndex +
                " gsp " + gspGroupIndex + " llfc " + llfcIndex);
        }
        final byte f = (byte)((export ? EXPORT : 0) | (correctable ? CORRECTABLE : 0));
        final long packed = ((long)supplierIndex << 40) | ((long)gspGroupIndex << 32) | ((long)llfcIndex << 8) | f;
        final Integer existing = index.get(packed);
        if (existing != null)
        {
            return existing;
        }
        if (count == supplier.length)
        {
            supplier = Arrays.copyOf(supplier, count * 2);
            gspGroup = Arrays.copyOf(gspGroup, count * 2);
            llfc = Arrays.copyOf(llfc, count * 2);
            flags = Arrays.copyOf(flags, count * 2);
        }
        supplier[count] = supplierIndex;
        gspGroup[count] = gspGroupIndex;
        llfc[count] = llfcIndex;
        flags[count] = f;
        index.put(packed, count);
        return count++;
    }

    /**
     * @return how many keys there are.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param key a key.
     * @return its supplier index.
     */
    public int supplier(final int key)
    {
        return supplier[check(key)];
    }

    /**
     * @param key a key.
     * @return its GSP Group index.
     */
    public int gspGroup(final int key)
    {
        return gspGroup[check(key)];
    }

    /**
     * @param key a key.
     * @return its LLFC index.
     */
    public int llfc(final int key)
    {
        return llfc[check(key)];
    }

    /**
     * @param key a key.
     * @return whether it is an export class.
     */
    public boolean export(final int key)
    {
        return (flags[check(key)] & EXPORT) != 0;
    }

    /**
     * @param key a key.
     * @return whether its registrations are subject to GSP Group Correction.
     */
    public boolean correctable(final int key)
    {
        return (flags[check(key)] & CORRECTABLE) != 0;
    }

    /**
     * @return one more than the largest supplier index used (0 if none).
     */
    public int supplierLimit()
    {
        int limit = 0;
        for (int k = 0; k < count; k++)
        {
            limit = Math.max(limit, supplier[k] + 1);
        }
        return limit;
    }

    private int check(final int key)
    {
        if (key < 0 || key >= count)
        {
            throw new IllegalArgumentException("no aggregation key " + key);
        }
        return key;
    }
}

package io.gbsettle.core.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How registry values are written as text, in one place: the CSV writer ({@code io.gbsettle.core.files.RegistryCsv})
 * and the problems {@link RegistryBuilder} reports both use it, so a value in a problem reads as it would be written
 * in the file. Load time only (it allocates).
 */
public final class RegistryText
{
    private RegistryText()
    {
    }

    /**
     * A TLF in canonical form: the shortest plain decimal ({@code 5e-1} is {@code 0.5}, {@code 0.0100} is
     * {@code 0.01}), exact for every finite {@code double} so that it reads back to the same value.
     *
     * @param tlf a TLF, or {@link MarketRegistry#NO_TLF}.
     * @return the text; empty for {@link MarketRegistry#NO_TLF}; {@code Infinity} or {@code -Infinity} for an
     * infinite value (only ever seen in a problem).
     */
    public static String tlf(final double tlf)
    {
        if (Double.isNaN(tlf))
        {
            return "";
        }
        return Double.isFinite(tlf) ?
            BigDecimal.valueOf(tlf).stripTrailingZeros().toPlainString() : Double.toString(tlf);
    }

    /**
     * An effective date as an ISO date ({@code 2024-04-01}).
     *
     * @param epochDay days since 1970-01-01 within the {@link LocalDate} range, or {@link MarketRegistry#OPEN_START}
     *                 or {@link MarketRegistry#OPEN_END}.
     * @return the date; empty for an open end (as in a CSV file).
     */
    public static String date(final long epochDay)
    {
        return MarketRegistry.OPEN_START == epochDay || MarketRegistry.OPEN_END == epochDay ?
            "" : LocalDate.ofEpochDay(epochDay).toString();
    }

    /**
     * An effective date range, as problems show it: {@code 2024-04-01..2025-03-31}, with {@code open} for an open
     * end ({@code open..2024-03-31}).
     *
     * @param effectiveFrom first day (inclusive), or {@link MarketRegistry#OPEN_START}.
     * @param effectiveTo   last day (inclusive), or {@link MarketRegistry#OPEN_END}.
     * @return the range.
     */
    public static String range(final long effectiveFrom, final long effectiveTo)
    {
        return orOpen(date(effectiveFrom)) + ".." + orOpen(date(effectiveTo));
    }

    private static String orOpen(final String date)
    {
        return date.isEmpty() ? "open" : date;
    }
}

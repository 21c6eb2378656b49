package io.gbsettle.core.time;

import java.time.LocalDate;

/**
 * A settlement run that falls due: run {@code run} of Settlement Day {@code settlementDay}.
 *
 * @param settlementDay the Settlement Day being settled.
 * @param run           which run.
 */
public record RunDue(LocalDate settlementDay, SettlementRun run)
{
    /**
     * @return for example {@code II 2025-10-26}.
     */
    @Override
    public String toString()
    {
        return run + " " + settlementDay;
    }
}

package io.gbsettle.tools;

import io.gbsettle.core.registry.BmUnitDay;
import io.gbsettle.core.registry.GspGroup;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * What a market registry holds, as of one settlement day, as JSON: the counts an operator checks after loading
 * the CRA extract (parties, accounts, BM Units active that day by kind and by GSP group).
 */
final class RegistrySummary
{
    private RegistrySummary()
    {
    }

    static String json(final MarketRegistry registry, final long epochDay, final String source)
    {
        final BmUnitDay day = registry.newDayView();
        registry.fillDay(epochDay, day);
        int active = 0;
        int production = 0;
        int interconnectors = 0;
        int withChanges = 0;
        final int[] byGsp = new int[GspGroup.COUNT];
        for (int i = 0; i < registry.bmUnitCount(); i++)
        {
            if (registry.versionLimit(i) - registry.firstVersion(i) > 1)
            {
                withChanges++;
            }
            if (!day.active(i))
            {
                continue;
            }
            active++;
            production += day.production(i) ? 1 : 0;
            interconnectors += day.interconnector(i) ? 1 : 0;
            if (day.gspGroup(i) != GspGroup.NONE)
            {
                byGsp[day.gspGroup(i)]++;
            }
        }
        final Json json = new Json().beginObject()
            .field("source", source)
            .field("settlementDate", java.time.LocalDate.ofEpochDay(epochDay).toString())
            .field("parties", registry.partyCount())
            .field("energyAccounts", registry.energyAccountCount())
            .field("tradingUnits", registry.tradingUnitCount())
            .field("bmUnits", registry.bmUnitCount())
            .field("bmUnitVersions", registry.versionCount())
            .field("bmUnitsWithEffectiveDatedChanges", withChanges)
            .name("activeOnDate").beginObject()
            .field("bmUnits", active)
            .field("production", production)
            .field("consumption", active - production)
            .field("interconnectors", interconnectors)
            .name("byGspGroup").beginObject();
        for (int g = 0; g < GspGroup.COUNT; g++)
        {
            json.field(GspGroup.id(g), byGsp[g]);
        }
        return json.endObject().endObject().endObject().toString();
    }
}

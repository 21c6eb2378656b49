package io.gbsettle.core.kernel.aggregate;

/**
 * The one configuration object of supplier volume aggregation: every interpretation this package makes where the
 * BSC (Section S, the GSP Group Correction guidance) is not in front of us is a named choice here, with its default
 * and the reason. Immutable; {@link #DEFAULTS} is what the tools use.
 *
 * <p>Fixed behaviours, documented here so that the whole set can be read in one place:
 * <ul>
 *   <li>Reads are exact integers in Wh; Line Loss Factors are integer millionths; the uplifted volume
 *       {@code Wh x LLF} is an exact integer in micro-Wh, summed in longs [I]. Nothing is rounded before the
 *       GGCF, which is the one division: {@code (take - non-correctable) / correctable} in double.</li>
 *   <li>GSP Group Correction scaling weight is 1 for a correctable registration and 0 for a non-correctable one
 *       (the BSC has a weight per Consumption Component Class; this is its two-valued form) [I].</li>
 *   <li>An export MPAN's volume counts as negative consumption of its supplier in its GSP Group [I].</li>
 *   <li>Corrected volumes follow the BSC sign convention: consumption is negative, in MWh [M].</li>
 * </ul>
 */
public final class AggregationOptions
{
    /**
     * What to do with a GSP Group and period that has no correctable volume (nothing to scale).
     */
    public enum NoCorrectableRule
    {
        /**
         * GGCF is reported as 1 and volumes go uncorrected; the group and period are flagged in the group report so
         * that the unallocated difference between take and volumes is visible [I]. The default: nothing is invented.
         */
        UNCORRECTED,
        /**
         * Every volume of the group and period, correctable or not, is scaled so that the total still meets the take
         * [I]. Conserves energy at the price of correcting volumes registered as non-correctable.
         */
        SCALE_ALL
    }

    /**
     * What to do with a GSP Group and period that has no GSP Group Take.
     */
    public enum MissingTakeRule
    {
        /**
         * GGCF is reported as 1 and volumes go uncorrected; the group and period are flagged [I]. The default.
         */
        UNCORRECTED
    }

    /** The defaults: {@link NoCorrectableRule#UNCORRECTED}, {@link MissingTakeRule#UNCORRECTED}, exports fixed. */
    public static final AggregationOptions DEFAULTS =
        new AggregationOptions(NoCorrectableRule.UNCORRECTED, MissingTakeRule.UNCORRECTED, false);

    private final NoCorrectableRule noCorrectable;
    private final MissingTakeRule missingTake;
    private final boolean exportCorrectable;

    /**
     * @param noCorrectable     see {@link NoCorrectableRule}.
     * @param missingTake       see {@link MissingTakeRule}.
     * @param exportCorrectable whether an export registration flagged correctable is corrected too. Default false:
     *                          export is metered generation, and scaling it would move the group's unaccounted
     *                          energy onto generators; only import registrations flagged correctable are scaled [I].
     */
    public AggregationOptions(
        final NoCorrectableRule noCorrectable, final MissingTakeRule missingTake, final boolean exportCorrectable)
    {
        this.noCorrectable = noCorrectable;
        this.missingTake = missingTake;
        this.exportCorrectable = exportCorrectable;
    }

    /**
     * @return see {@link NoCorrectableRule}.
     */
    public NoCorrectableRule noCorrectable()
    {
        return noCorrectable;
    }

    /**
     * @return see {@link MissingTakeRule}.
     */
    public MissingTakeRule missingTake()
    {
        return missingTake;
    }

    /**
     * @return whether exports flagged correctable are corrected.
     */
    public boolean exportCorrectable()
    {
        return exportCorrectable;
    }

    /**
     * @param rule a rule.
     * @return a copy with it.
     */
    public AggregationOptions withNoCorrectable(final NoCorrectableRule rule)
    {
        return new AggregationOptions(rule, missingTake, exportCorrectable);
    }

    /**
     * @param correctable whether exports flagged correctable are corrected.
     * @return a copy with it.
     */
    public AggregationOptions withExportCorrectable(final boolean correctable)
    {
        return new AggregationOptions(noCorrectable, missingTake, correctable);
    }
}

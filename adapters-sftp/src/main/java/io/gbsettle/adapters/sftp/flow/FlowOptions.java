package io.gbsettle.adapters.sftp.flow;

/**
 * Every choice the flat-file side makes where the reference note is unsure ([I] / [GAP]), in one place, each with
 * its default and the reason. Immutable; {@link #DEFAULTS} is what the collector uses unless configured otherwise.
 *
 * @param maxProblems             how many problems an {@link InboundFile} keeps (all are counted). Default 100:
 *                                enough to fix a file, bounded for a file of millions of bad records.
 * @param dtcChecksum             the DTC ZPT checksum field: the reference finds it blank in every sample and only
 *                                infers [I] that it is XOR-32 when used. Default {@link DtcChecksum#IF_PRESENT}:
 *                                checked as XOR-32 when not blank.
 * @param periodsMatchCalendar    a {@code 46-50} group must hold exactly the Settlement Day's period count
 *                                (46/48/50 by the UK clock), not just any of 46, 48, 50. Default true: a 48-period
 *                                group on a clock-change day is wrong data.
 * @param registeredSubjects      BM Units (C0421, MVRN) and parties (ECVN, MVRN) must exist in the registry and
 *                                BM Units be registered on the Settlement Day; otherwise the file is rejected.
 *                                Default true: the engine would leave such records out silently later.
 * @param rejectTestData          a file whose header test flag is not {@code OPER}/empty is rejected. Default
 *                                false: the channel decides (consus ADR-0010 ties the test flag to the channel),
 *                                and {@link InboundFile#testData()} tells the collector.
 * @param maxNotificationDays     the most days an ECVN / MVRN's effective range may span (each day's periods
 *                                become events). Default 31 [I]: the IDD lets a notification run open-ended; a
 *                                longer range is rejected rather than expanded without bound.
 */
public record FlowOptions(
    int maxProblems, DtcChecksum dtcChecksum, boolean periodsMatchCalendar, boolean registeredSubjects,
    boolean rejectTestData, int maxNotificationDays)
{
    /** The defaults, as documented on each component. */
    public static final FlowOptions DEFAULTS = new FlowOptions(100, DtcChecksum.IF_PRESENT, true, true, false, 31);

    /**
     * How the optional DTC ZPT checksum field is treated.
     */
    public enum DtcChecksum
    {
        /** Checked as XOR-32 (the pool/IDD algorithm) when the field is not blank; blank passes. */
        IF_PRESENT,
        /** Never checked. */
        IGNORE
    }

    /**
     * @param maxProblems how many problems to keep.
     * @return a copy with that limit.
     */
    public FlowOptions withMaxProblems(final int maxProblems)
    {
        return new FlowOptions(maxProblems, dtcChecksum, periodsMatchCalendar, registeredSubjects, rejectTestData,
            maxNotificationDays);
    }
}

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
 * @param meterDataProblems       what a record-level value problem does to a METER_DATA file (D0036, D0275, D0265,
 *                                registrations). Default {@link MeterDataProblems#HAND_OVER}: envelope, record
 *                                count, checksum and structure problems reject the file, but a value problem (a
 *                                malformed kWh, a period outside the day, an LLF period group short of the day's
 *                                periods) is listed in the file's RECEIVED / JOURNALED detail and the file is handed
 *                                to #8's ingest, which rejects those reads one by one (counted by reason, listed in
 *                                {@code ingest_rejections.csv}): a D0036 carries the reads of up to millions of
 *                                meters, and one bad read must not hold back all the good ones (an HHDC resends a
 *                                whole file only after a fix, hours later). Engine-bound files (C0421, ECVN, MVRN)
 *                                are always rejected whole: there is no per-record rejection downstream of them.
 */
public record FlowOptions(
    int maxProblems, DtcChecksum dtcChecksum, boolean periodsMatchCalendar, boolean registeredSubjects,
    boolean rejectTestData, int maxNotificationDays, MeterDataProblems meterDataProblems)
{
    /** The defaults, as documented on each component. */
    public static final FlowOptions DEFAULTS =
        new FlowOptions(100, DtcChecksum.IF_PRESENT, true, true, false, 31, MeterDataProblems.HAND_OVER);

    /**
     * What a record-level value problem in a meter-data file does (see {@link #meterDataProblems()}).
     */
    public enum MeterDataProblems
    {
        /**
         * Accepted with the value problems listed (detail of the journal entries); #8's ingest rejects those reads
         * one by one. Envelope, count, checksum and structure problems still reject the file.
         */
        HAND_OVER,
        /** Any problem rejects the whole file, as for engine-bound flows. */
        REJECT_FILE
    }

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
            maxNotificationDays, meterDataProblems);
    }

    /**
     * @param meterDataProblems what a value problem does to a meter-data file.
     * @return a copy with that choice.
     */
    public FlowOptions withMeterDataProblems(final MeterDataProblems meterDataProblems)
    {
        return new FlowOptions(maxProblems, dtcChecksum, periodsMatchCalendar, registeredSubjects, rejectTestData,
            maxNotificationDays, meterDataProblems);
    }
}

package io.gbsettle.adapters.sftp.flow;

/**
 * Where a verified inbound file goes next.
 */
public enum Destination
{
    /** Mapped to input records for the engine ({@link InboundFlows#toEvents}): C0421, ECVN, MVRN. */
    ENGINE,
    /**
     * Written as a validated file into a meter-data folder for {@code bsc meter-data ingest} (#8)
     * ({@link InboundFlows#toMeterData}): D0036, D0275, D0265.
     */
    METER_DATA,
    /** Read as Elexon's figures for reconciliation ({@link S0142Report}): S0142. */
    RECONCILIATION,
    /** Not known (the file was not recognised): nothing is done with it but keeping it. */
    NONE
}

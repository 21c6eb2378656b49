package io.gbsettle.adapters.sftp.flow;

import org.agrona.DirectBuffer;

/**
 * Elexon's figures from an SAA-I014 settlement report (S0142): per period (system price), per BM Unit and period
 * (metered volume, TLM, BM Unit cashflow) and per Energy Account and period (credited energy, imbalance volume,
 * CAEI, RCRC), by registry index, for reconciliation against the engine's results.
 */
public final class S0142Report
{
    /**
     * Reads a verified S0142 file.
     *
     * @param file   the result of {@link InboundFlows#verify}; must be accepted and an S0142.
     * @param bytes  the same bytes.
     * @param offset of the first byte.
     * @param length of the file.
     * @param flows  the verifier (its registry maps ids to indices).
     * @return the figures.
     */
    public static S0142Report read(
        final InboundFile file, final DirectBuffer bytes, final int offset, final int length,
        final InboundFlows flows)
    {
        throw new UnsupportedOperationException("not implemented yet");
    }
}

package io.gbsettle.adapters.sftp.collect;

import java.util.List;

/**
 * What one poll cycle of one counterparty did.
 *
 * @param counterparty the counterparty id.
 * @param listed       candidate files in the remote inbox.
 * @param journaled    files verified and journaled this cycle (events in the engine, or written for meter data or
 *                     reconciliation).
 * @param acknowledged files deleted or moved on the server this cycle.
 * @param duplicates   files already received (same name and content, or same business key and content).
 * @param rejected     files rejected this cycle.
 * @param skipped      files left alone (rejected before and unchanged, or still growing).
 * @param bytes        bytes downloaded.
 * @param records      data records in the journaled files.
 * @param events       engine input records submitted.
 * @param refused      remote names refused as unsafe, with the reason.
 */
public record CycleSummary(
    String counterparty, int listed, int journaled, int acknowledged, int duplicates, int rejected, int skipped,
    long bytes, long records, long events, List<String> refused)
{
}

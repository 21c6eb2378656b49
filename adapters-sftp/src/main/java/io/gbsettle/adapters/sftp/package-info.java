/**
 * The SFTP D-flow adapter: collects pipe-delimited industry flat files (DTC {@code ZHV…ZPT} D-flows, pool
 * {@code ZHD…ZPT} files and central-systems {@code AAA…ZZZ} files such as CDCA-I042, ECVAA notifications and
 * SAA-I014) from SFTP counterparties, keeps the original bytes, validates them, maps them to the engine's
 * canonical input events and sends the engine's reports back. It follows the staged pattern
 * <em>receive and preserve → validate → map → publish</em>, and acknowledges a file only once it is durably
 * journaled. It sits at the edge: the calculation core never depends on it.
 */
package io.gbsettle.adapters.sftp;

package io.gbsettle.core.mhhs;

/**
 * The flat-file layouts the meter store is written from (see {@code shared/reference/dflows-sftp.md}; pipe-delimited,
 * one record per line, ASCII):
 *
 * <pre>
 *   D0036 (DTC user file, *.usr)            [O low confidence: group ids 101/102/103 from one public generator]
 *     ZHV|file id|D0036001|C|from MPID|X|to MPID|YYYYMMDDHHMMSS||||OPER|
 *     101|MPAN core|MQID (AI import, AE export)|supplier id|
 *     102|settlement date YYYYMMDD|
 *     103|A or E (actual, estimated)|consumption kWh, at most 3 decimals|      x periods, in period order
 *     ZPT|file id|group record count||1|YYYYMMDDHHMMSS|     (records between ZHV and ZPT; checksum blank)
 *
 *   D0265 Line Loss Factors (Pool Transfer Format, *.ptf)   [O: chellow's importer and test lines]
 *     ZHD||D0265001|R|distributor MPID|G|CAPG|YYYYMMDDHHMMSS||||OPER
 *     DIS|distributor MPID
 *     LLF|LLFC code
 *     SDT|settlement date YYYYMMDD
 *     SPL|period|LLF                                                          x periods per SDT
 *     ZPT|record count|checksum    (count includes ZHD and ZPT; checksum = XOR-32 of every record from ZHD up to,
 *                                   not including, ZPT: {@link MeterText#xor32}; dflows-sftp.md 2.4 and 3.3)
 *
 *   Registrations (*.reg): no public D-flow layout gives MPAN to supplier, GSP Group, LLFC, direction and
 *   correctability in one record, so this layout is DEFINED BY GBSETTLE (a stand-in for the MHHS registration
 *   service feed), in the same DTC envelope:
 *     ZHV|file id|G0001001|R|REGS|X|BSCS|YYYYMMDDHHMMSS||||OPER|
 *     REG|MPAN core|supplier id|GSP Group (_A.._P)|LLFC code|I or E|T or F (correctable)|from YYYYMMDD|
 *         to YYYYMMDD or empty|
 *     ZPT|file id|record count||1|YYYYMMDDHHMMSS|
 *
 *   GSP Group Take (gsp_take.csv): gsp_group,settlement_period,take_mwh     (the CDCA AGV of C0291; CSV stand-in)
 * </pre>
 *
 * <p>A D0036 103 record carries no period number: periods are implied by order from 1, so a missing read can only
 * be trailing (the group is short) and a record past the day's last period is rejected as out of range. The
 * registration governs direction and supplier; the 101 record's MQID and supplier are not cross-checked.
 */
public final class MeterFlows
{
    /** D0036 file extension. */
    public static final String D0036_SUFFIX = ".usr";
    /** D0265 file extension. */
    public static final String D0265_SUFFIX = ".ptf";
    /** Registration file extension. */
    public static final String REGISTRATION_SUFFIX = ".reg";
    /** GSP Group Take file name. */
    public static final String TAKE_FILE = "gsp_take.csv";

    private MeterFlows()
    {
    }
}

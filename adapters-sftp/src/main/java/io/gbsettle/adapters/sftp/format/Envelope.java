package io.gbsettle.adapters.sftp.format;

/**
 * The three envelopes of GB settlement flat files, kept apart (reference note {@code dflows-sftp.md} §0): they
 * differ in header and trailer ids, in whether records end with a trailing {@code |}, in what the trailer's record
 * count counts and in whether a checksum is carried.
 */
public enum Envelope
{
    /**
     * DTC user file (D-flows between market roles): {@code ZHV … ZPT}; every record ends with {@code |}; the ZPT
     * record count counts the group records between header and trailer; the ZPT checksum field is optional and
     * usually blank (checked as XOR-32 when present).
     */
    DTC("ZHV", "ZPT", true),
    /**
     * Pool Transfer File Format (SVA P-flows, D0265 publication): {@code ZHD … ZPT}; no trailing {@code |};
     * {@code ZPT|record count incl. header and trailer|XOR-32 checksum}.
     */
    POOL("ZHD", "ZPT", false),
    /**
     * NETA IDD central-systems file (SAA, CDCA, ECVAA): {@code AAA … ZZZ}; every record ends with {@code |};
     * {@code ZZZ|record count incl. AAA and ZZZ|XOR-32 checksum|}, both mandatory.
     */
    IDD("AAA", "ZZZ", true);

    private final String header;
    private final String trailer;
    private final boolean trailingSeparator;
    private final int headerCode;
    private final int trailerCode;

    Envelope(final String header, final String trailer, final boolean trailingSeparator)
    {
        this.header = header;
        this.trailer = trailer;
        this.trailingSeparator = trailingSeparator;
        this.headerCode = RecordIds.code(header);
        this.trailerCode = RecordIds.code(trailer);
    }

    /**
     * @return the header record id.
     */
    public String header()
    {
        return header;
    }

    /**
     * @return the trailer record id.
     */
    public String trailer()
    {
        return trailer;
    }

    /**
     * @return whether every record, header and trailer included, ends with a {@code |}.
     */
    public boolean trailingSeparator()
    {
        return trailingSeparator;
    }

    /**
     * @return the header id packed as {@link RecordIds#code(String)}.
     */
    public int headerCode()
    {
        return headerCode;
    }

    /**
     * @return the trailer id packed as {@link RecordIds#code(String)}.
     */
    public int trailerCode()
    {
        return trailerCode;
    }

    /**
     * @param recordCode a record id packed as {@link RecordIds#code(String)}.
     * @return the envelope whose header that is, or null.
     */
    public static Envelope ofHeader(final int recordCode)
    {
        for (final Envelope e : VALUES)
        {
            if (e.headerCode == recordCode)
            {
                return e;
            }
        }
        return null;
    }

    private static final Envelope[] VALUES = values();
}

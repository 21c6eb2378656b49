package io.gbsettle.adapters.sftp.flow;

import java.util.List;

import io.gbsettle.adapters.sftp.format.Envelope;

/**
 * What {@link InboundFlows#verify} found in one inbound file: which flow it is, its envelope and business identity
 * (what duplicates are detected by), how many records it holds, whether it is accepted and, if not, the first
 * problems in business terms. Immutable.
 */
public final class InboundFile
{
    private final String fileName;
    private final String flowId;
    private final Envelope envelope;
    private final String fileType;
    private final String businessKey;
    private final long records;
    private final int settlementDate;
    private final boolean testData;
    private final List<FileProblem> problems;
    private final long problemCount;
    private final Destination destination;
    private final List<FileProblem> handedOver;
    private final long handedOverCount;

    /**
     * @param fileName       the file's name as received.
     * @param flowId         the flow ({@code "C0421"}...), or null when unknown.
     * @param envelope       the envelope, or null when none was recognised.
     * @param fileType       the header's flow / file type with version ({@code "C0421002"}, {@code "D0036001"}), or
     *                       empty.
     * @param businessKey    the file's business identity, or empty when the header could not be read.
     * @param records        data records between header and trailer.
     * @param settlementDate the first Settlement Date in the file ({@code YYYYMMDD}), or 0.
     * @param testData       whether the header's test flag marks test data (anything but {@code OPER} / empty).
     * @param problems       the first problems (at most {@link FlowOptions#maxProblems()}).
     * @param problemCount   all problems found (may exceed {@code problems.size()}).
     * @param destination    where the file goes.
     */
    public InboundFile(
        final String fileName, final String flowId, final Envelope envelope, final String fileType,
        final String businessKey, final long records, final int settlementDate, final boolean testData,
        final List<FileProblem> problems, final long problemCount, final Destination destination)
    {
        this(fileName, flowId, envelope, fileType, businessKey, records, settlementDate, testData, problems,
            problemCount, destination, List.of(), 0);
    }

    /**
     * @param fileName        the file's name as received.
     * @param flowId          the flow, or null when unknown.
     * @param envelope        the envelope, or null.
     * @param fileType        the header's flow / file type with version, or empty.
     * @param businessKey     the file's business identity, or empty.
     * @param records         data records between header and trailer.
     * @param settlementDate  the first Settlement Date in the file, or 0.
     * @param testData        whether the header's test flag marks test data.
     * @param problems        the first problems that reject the file.
     * @param problemCount    all problems that reject the file.
     * @param destination     where the file goes.
     * @param handedOver      the first record-level value problems left to the meter-data ingest
     *                        ({@link FlowOptions.MeterDataProblems#HAND_OVER}).
     * @param handedOverCount all of them.
     */
    public InboundFile(
        final String fileName, final String flowId, final Envelope envelope, final String fileType,
        final String businessKey, final long records, final int settlementDate, final boolean testData,
        final List<FileProblem> problems, final long problemCount, final Destination destination,
        final List<FileProblem> handedOver, final long handedOverCount)
    {
        this.handedOver = List.copyOf(handedOver);
        this.handedOverCount = handedOverCount;
        this.fileName = fileName;
        this.flowId = flowId;
        this.envelope = envelope;
        this.fileType = fileType == null ? "" : fileType;
        this.businessKey = businessKey == null ? "" : businessKey;
        this.records = records;
        this.settlementDate = settlementDate;
        this.testData = testData;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
        this.destination = destination;
    }

    /**
     * @return the file's name as received.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * @return the flow: {@code "C0421"}, {@code "ECVN"}, {@code "MVRN"}, {@code "D0265"}, {@code "D0036"},
     * {@code "D0275"}, {@code "S0142"}, or null when unknown.
     */
    public String flowId()
    {
        return flowId;
    }

    /**
     * @return the envelope (DTC {@code ZHV..ZPT}, POOL {@code ZHD..ZPT}, IDD {@code AAA..ZZZ}), or null.
     */
    public Envelope envelope()
    {
        return envelope;
    }

    /**
     * @return the header's flow / file type with version, e.g. {@code "D0036001"}, or empty.
     */
    public String fileType()
    {
        return fileType;
    }

    /**
     * The file's business identity, what duplicates are detected by: DTC
     * {@code DTC|from role|from MPID|file identifier|flow+version}; POOL
     * {@code POOL|from role|from MPID|flow+version|creation time}; IDD
     * {@code IDD|from role|from participant|file type|sequence number}. Empty when the header could not be read.
     *
     * @return the key.
     */
    public String businessKey()
    {
        return businessKey;
    }

    /**
     * @return the data records between header and trailer.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return the first Settlement Date in the file, {@code YYYYMMDD}, or 0 when none was read.
     */
    public int settlementDate()
    {
        return settlementDate;
    }

    /**
     * @return whether the header marks the file as test data.
     */
    public boolean testData()
    {
        return testData;
    }

    /**
     * @return whether the file passed every check (envelope, count, checksum, structure, fields, registry) and may
     * be mapped.
     */
    public boolean accepted()
    {
        return problemCount == 0;
    }

    /**
     * @return the first problems found, in file order.
     */
    public List<FileProblem> problems()
    {
        return problems;
    }

    /**
     * @return how many problems were found in all.
     */
    public long problemCount()
    {
        return problemCount;
    }

    /**
     * @return the first record-level value problems of an accepted meter-data file, left to #8's ingest (which
     * rejects those reads one by one); empty unless {@link FlowOptions.MeterDataProblems#HAND_OVER}.
     */
    public List<FileProblem> handedOver()
    {
        return handedOver;
    }

    /**
     * @return how many value problems were handed over in all.
     */
    public long handedOverCount()
    {
        return handedOverCount;
    }

    /**
     * @return for the journal's detail: empty when nothing was handed over, else {@code "; N value problems left to
     * the meter-data ingest: first; second; ..."} (at most five named).
     */
    public String handedOverSummary()
    {
        if (handedOverCount == 0)
        {
            return "";
        }
        final StringBuilder b = new StringBuilder();
        b.append("; ").append(handedOverCount).append(handedOverCount == 1 ? " value problem" : " value problems")
            .append(" left to the meter-data ingest");
        for (int i = 0; i < handedOver.size() && i < 5; i++)
        {
            b.append(i == 0 ? ": " : "; ").append(handedOver.get(i).describe());
        }
        if (handedOverCount > Math.min(5, handedOver.size()))
        {
            b.append("; ...");
        }
        return b.toString();
    }

    /**
     * @return where the file goes.
     */
    public Destination destination()
    {
        return destination;
    }

    /**
     * @return a one-paragraph reason for a rejection (the problems, one per line), or empty when accepted.
     */
    public String reason()
    {
        if (accepted())
        {
            return "";
        }
        final StringBuilder b = new StringBuilder();
        b.append(fileName).append(" rejected (").append(problemCount).append(problemCount == 1 ? " problem)" :
            " problems)");
        for (final FileProblem p : problems)
        {
            b.append('\n').append(p.describe());
        }
        if (problemCount > problems.size())
        {
            b.append("\n... and ").append(problemCount - problems.size()).append(" more");
        }
        return b.toString();
    }

    @Override
    public String toString()
    {
        return "InboundFile(" + fileName + ", " + flowId + ", " + envelope + ", key=" + businessKey + ", records=" +
            records + (accepted() ? ", accepted)" : ", rejected: " + problemCount + " problems)");
    }
}

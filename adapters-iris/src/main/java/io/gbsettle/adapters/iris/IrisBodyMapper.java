package io.gbsettle.adapters.iris;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.gbsettle.core.event.EventSource;
import io.gbsettle.core.event.InputEvent;
import io.gbsettle.core.files.InsightsEvents;
import io.gbsettle.core.files.InsightsJson;
import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.registry.MarketRegistry;
import io.gbsettle.core.time.SettlementCalendar;

/**
 * The mapping path of {@link IrisIngest}, without engine or journal: a message body (a double-encoded JSON string
 * unwrapped first) scanned by {@link InsightsJson} and each row mapped by {@link InsightsEvents} into a buffer of
 * 128-byte {@link InputEvent} records, with the rows' problems and skipped rows collected.
 *
 * <p>Allocation-free once warm (its buffers have grown to the largest body): a body of valid rows allocates nothing,
 * per row or per message. Only problems allocate (their messages, the "row N" prefix).
 *
 * <pre>{@code
 * final int type = mapper.map(dataset, messageId, body, 0, length);
 * if (mapper.problems().isEmpty())
 * {
 *     for (int i = 0; i < mapper.recordCount(); i++) { engine.submit(mapper.records(), i * InputEvent.LENGTH); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one mapper per delivery thread.
 */
public final class IrisBodyMapper
{
    private final InsightsJson reader = new InsightsJson();
    private final InsightsEvents mapper;
    private final ExpandableArrayBuffer records = new ExpandableArrayBuffer(64 * InputEvent.LENGTH);
    private final InputEvent event = new InputEvent();
    private final List<InputProblem> problems = new ArrayList<>();
    private final List<InputProblem> skipped = new ArrayList<>();
    private byte[] unwrapped = new byte[1024];
    private int recordCount;
    private int rows;
    private int notKept;

    /**
     * @param registry         the registry BM Unit ids are mapped through (indexed once, here).
     * @param lolpHorizonHours the LOLPDRM forecast horizon applied ({@link IrisOptions#lolpForecastHorizonHours()}).
     */
    public IrisBodyMapper(final MarketRegistry registry, final int lolpHorizonHours)
    {
        this.mapper = new InsightsEvents(registry, new SettlementCalendar(), EventSource.IRIS, lolpHorizonHours);
    }

    /**
     * Maps a body. Afterwards {@link #records()} holds {@link #recordCount()} records (rows mapped),
     * {@link #problems()} the malformed rows or JSON (the message is invalid when not empty), {@link #skipped()} the
     * rows naming an unknown BM Unit.
     *
     * @param dataset   the dataset (the subject), or empty to take it from the first row's {@code "dataset"} field.
     * @param messageId the name problems are reported against.
     * @param body      the body (UTF-8 JSON: an array of rows, an envelope, or a JSON string holding either).
     * @param offset    its first byte.
     * @param length    its length.
     * @return the {@link io.gbsettle.core.event.EventType} of the rows, or 0 when the dataset is not used by the
     *         engine (raw only: nothing is read).
     */
    public int map(final String dataset, final String messageId, final byte[] body, final int offset,
        final int length)
    {
        problems.clear();
        skipped.clear();
        recordCount = 0;
        rows = 0;
        notKept = 0;
        int type = InsightsEvents.eventType(dataset);
        if (type == 0 && !dataset.isEmpty())
        {
            return 0;
        }
        if (unwrapped.length < length)
        {
            unwrapped = new byte[Math.max(length, unwrapped.length * 2)];
        }
        final int decoded = InsightsJson.decodeStringBody(body, offset, length, unwrapped);
        if (decoded == -2)
        {
            problems.add(new InputProblem(messageId, 1, "", "",
                "not valid JSON: a JSON string body must hold exactly one valid JSON string"));
            return type;
        }
        if (decoded >= 0)
        {
            reader.wrap(messageId, unwrapped, 0, decoded, problems);
        }
        else
        {
            reader.wrap(messageId, body, offset, length, problems);
        }
        while (reader.next())
        {
            rows++;
            if (type == 0)
            {
                type = InsightsEvents.eventType(reader);
                if (type == 0)
                {
                    continue;
                }
            }
            row(type);
        }
        return type;
    }

    private void row(final int type)
    {
        final int offset = recordCount * InputEvent.LENGTH;
        records.checkLimit(offset + InputEvent.LENGTH);
        final int before = problems.size();
        final int result = mapper.map(type, reader, event.wrap(records, offset));
        if (problems.size() > before)
        {
            prefixRow(before);
        }
        switch (result)
        {
            case InsightsEvents.MAPPED -> recordCount++;
            case InsightsEvents.UNKNOWN_BM_UNIT ->
            {
                for (int i = before; i < problems.size(); i++)
                {
                    skipped.add(problems.get(i));
                }
                while (problems.size() > before)
                {
                    problems.remove(problems.size() - 1);
                }
            }
            case InsightsEvents.NOT_KEPT -> notKept++;
            default ->
            {
                if (problems.size() == before)
                {
                    problems.add(reader.problem("", "row " + reader.rowIndex() + ": not a valid " +
                        InsightsEvents.dataset(type) + " row"));
                }
            }
        }
    }

    private void prefixRow(final int from)
    {
        for (int i = from; i < problems.size(); i++)
        {
            final InputProblem p = problems.get(i);
            problems.set(i, new InputProblem(p.source(), p.line(), p.period(), p.subject(), p.column(), p.value(),
                "row " + reader.rowIndex() + ": " + p.reason()));
        }
    }

    /**
     * @return the records of the last body, {@link InputEvent#LENGTH} bytes each from offset 0.
     */
    public DirectBuffer records()
    {
        return records;
    }

    /**
     * @return how many records the last body gave.
     */
    public int recordCount()
    {
        return recordCount;
    }

    /**
     * @return rows read from the last body (objects in its array).
     */
    public int rows()
    {
        return rows;
    }

    /**
     * @return valid rows of the last body not applied (a LoLP forecast of another horizon).
     */
    public int notKept()
    {
        return notKept;
    }

    /**
     * @return the last body's problems (malformed JSON or rows): empty when the body is valid. Reused: copy to keep.
     */
    public List<InputProblem> problems()
    {
        return problems;
    }

    /**
     * @return the last body's rows naming a BM Unit the registry does not know. Reused: copy to keep.
     */
    public List<InputProblem> skipped()
    {
        return skipped;
    }
}

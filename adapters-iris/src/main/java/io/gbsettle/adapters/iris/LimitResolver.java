package io.gbsettle.adapters.iris;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves a BM Unit's raw MEL or MIL re-declarations (every {@code MEL_POINT} / {@code MIL_POINT} record the engine
 * keeps) into the limit in force, by Elexon's rule ({@code iris-insights.md} §2.4, {@code mil_mel_resolution.md}):
 * a record is valid over an earlier one if its notificationSequence is greater, or equal with a later
 * notificationTime; valid records truncate or overwrite earlier ones over their time span; levels are never
 * interpolated (a truncated record keeps its levels, its times are squeezed); neighbouring records merge only when
 * their levels match. The rule is {@link IrisOptions#limitResolution()}; with
 * {@link IrisOptions.LimitResolution#SEQUENCE_THEN_TIME} the result does not depend on the order records arrived in.
 * Not a hot path (a reader's query, not the engine's): plain objects.
 */
public final class LimitResolver
{
    private LimitResolver()
    {
    }

    /**
     * One MEL/MIL segment.
     *
     * @param timeFrom         epoch second.
     * @param timeTo           epoch second.
     * @param levelFrom        MW.
     * @param levelTo          MW.
     * @param sequence         notificationSequence.
     * @param notificationTime notificationTime, epoch second.
     */
    public record Segment(long timeFrom, long timeTo, double levelFrom, double levelTo, long sequence,
        long notificationTime)
    {
        private Segment span(final long from, final long to)
        {
            return new Segment(from, to, levelFrom, levelTo, sequence, notificationTime);
        }

        private boolean flatAt(final double level)
        {
            return levelFrom == level && levelTo == level;
        }
    }

    /**
     * @param received the records, in arrival order.
     * @param rule     the resolution rule.
     * @return the limit in force: non-overlapping segments in time order.
     */
    public static List<Segment> resolve(final List<Segment> received, final IrisOptions.LimitResolution rule)
    {
        final List<Segment> ordered = new ArrayList<>(received);
        if (rule == IrisOptions.LimitResolution.SEQUENCE_THEN_TIME)
        {
            // Stable sort: records equal in sequence and time keep arrival order (they should be identical).
            ordered.sort(Comparator.comparingLong(Segment::sequence).thenComparingLong(Segment::notificationTime));
        }
        List<Segment> in = new ArrayList<>();
        for (final Segment record : ordered)
        {
            final List<Segment> next = new ArrayList<>(in.size() + 2);
            for (final Segment s : in)
            {
                if (s.timeTo() <= record.timeFrom() || s.timeFrom() >= record.timeTo())
                {
                    next.add(s);
                    continue;
                }
                if (s.timeFrom() < record.timeFrom())
                {
                    next.add(s.span(s.timeFrom(), record.timeFrom()));
                }
                if (s.timeTo() > record.timeTo())
                {
                    next.add(s.span(record.timeTo(), s.timeTo()));
                }
            }
            next.add(record);
            next.sort(Comparator.comparingLong(Segment::timeFrom));
            in = next;
        }
        final List<Segment> merged = new ArrayList<>(in.size());
        for (final Segment s : in)
        {
            final Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.timeTo() == s.timeFrom() && last.flatAt(s.levelFrom()) && s.flatAt(last.levelTo()))
            {
                merged.set(merged.size() - 1, new Segment(last.timeFrom(), s.timeTo(), last.levelFrom(),
                    s.levelTo(), Math.max(last.sequence(), s.sequence()),
                    Math.max(last.notificationTime(), s.notificationTime())));
            }
            else
            {
                merged.add(s);
            }
        }
        return merged;
    }
}

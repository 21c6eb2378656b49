package io.gbsettle.adapters.sftp.format;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.gbsettle.core.time.EpochDays;

/**
 * Writes a random, valid file of any flow from its definition alone (structure within every cardinality, every field
 * a random value of its type) and records what it wrote, so that a parse can be compared with it. The naive
 * reference for the round-trip properties: obvious loops, one object per value.
 */
final class RandomFlowFile
{
    /** One written record: its id and each field's expected text (decimals as the rounded double). */
    record Written(String id, List<Object> values)
    {
    }

    private static final String TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _-.";
    private final SplittableRandom random;
    private final FlowDefinition flow;
    final List<Written> written = new ArrayList<>();

    RandomFlowFile(final FlowDefinition flow, final long seed)
    {
        this.flow = flow;
        this.random = new SplittableRandom(seed);
    }

    byte[] write()
    {
        final FlatFileWriter w = new FlatFileWriter(flow).start(new FlatFileWriter.FileHeader(flow.fileType() + "001",
            "F" + random.nextInt(1_000_000), "X", "ABCD", "Y", "EFGH", "20240229235959", random.nextInt(1, 999_999_999),
            random.nextBoolean() ? "OPER" : "TR01"));
        for (int r = 0; r < flow.recordCount(); r++)
        {
            final RecordDefinition def = flow.record(r);
            if (def.parent() < 0)
            {
                occurrences(w, def);
            }
        }
        return w.finish();
    }

    private void occurrences(final FlatFileWriter w, final RecordDefinition def)
    {
        final int n;
        if (def.periods())
        {
            n = 46 + 2 * random.nextInt(3);
        }
        else
        {
            final int hi = def.max() == RecordDefinition.UNBOUNDED ? def.min() + 3 : Math.min(def.max(), def.min() + 3);
            n = def.min() + random.nextInt(hi - def.min() + 1);
        }
        for (int i = 0; i < n; i++)
        {
            one(w, def);
            for (int c = 0; c < flow.recordCount(); c++)
            {
                if (flow.record(c).parent() == def.index())
                {
                    occurrences(w, flow.record(c));
                }
            }
        }
    }

    private void one(final FlatFileWriter w, final RecordDefinition def)
    {
        final List<Object> values = new ArrayList<>();
        w.record(def.id());
        for (int f = 0; f < def.fieldCount(); f++)
        {
            final FieldDefinition field = def.field(f);
            if (!field.mandatory() && random.nextInt(4) == 0)
            {
                w.empty();
                values.add("");
                continue;
            }
            if (!field.values().isEmpty())
            {
                final String v = field.values().get(random.nextInt(field.values().size()));
                w.text(v);
                values.add(v);
                continue;
            }
            switch (field.type())
            {
                case TEXT ->
                {
                    final int len = 1 + random.nextInt(field.length());
                    final StringBuilder b = new StringBuilder();
                    for (int i = 0; i < len; i++)
                    {
                        b.append(TEXT.charAt(random.nextInt(TEXT.length())));
                    }
                    w.text(b);
                    values.add(b.toString());
                }
                case CHAR ->
                {
                    final char c = TEXT.charAt(random.nextInt(TEXT.length() - 4));
                    w.character(c);
                    values.add(String.valueOf(c));
                }
                case BOOLEAN ->
                {
                    final boolean b = random.nextBoolean();
                    w.bool(b);
                    values.add(b ? "T" : "F");
                }
                case INTEGER ->
                {
                    final int digits = 1 + random.nextInt(Math.min(field.length(), 15));
                    long v = random.nextLong((long)Math.pow(10, digits));
                    v = random.nextInt(5) == 0 ? -v : v;
                    w.integer(v);
                    values.add(Long.toString(v));
                }
                case DECIMAL ->
                {
                    final int whole = Math.min(field.length() - field.scale(), 12);
                    final double raw = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(whole + 1));
                    final double scale = Math.pow(10, field.scale());
                    final double expected = Math.signum(raw) * (Math.round(Math.abs(raw) * scale) / scale);
                    w.decimal(raw);
                    values.add(expected == 0.0 ? 0.0 : expected);
                }
                case DATE ->
                {
                    final int d = EpochDays.yyyymmdd(EpochDays.of(2000, 1, 1) + random.nextInt(20_000));
                    w.date(d);
                    values.add(Integer.toString(d));
                }
                case DATETIME ->
                {
                    final String v = EpochDays.yyyymmdd(EpochDays.of(2000, 1, 1) + random.nextInt(20_000)) +
                        two(24) + two(60) + two(60);
                    w.text(v);
                    values.add(v);
                }
                case TIME ->
                {
                    final String v = two(24) + two(60);
                    w.text(v);
                    values.add(v);
                }
                default ->
                {
                    final String v = two(24) + two(60) + two(60);
                    w.text(v);
                    values.add(v);
                }
            }
        }
        w.end();
        written.add(new Written(def.id(), values));
    }

    private String two(final int bound)
    {
        final int v = random.nextInt(bound);
        return (v < 10 ? "0" : "") + v;
    }
}

package io.gbsettle.core.files;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.time.OffsetUnit;
import io.gbsettle.core.time.RunOffset;
import io.gbsettle.core.time.SettlementRun;

/**
 * Reads {@code run_offsets.csv}: settlement run offsets replacing the defaults of {@link SettlementRun}.
 *
 * <pre>
 *   run,unit,offset
 *   II,WD,5
 *   RF,MONTHS,14
 * </pre>
 *
 * <p>{@code run} is a {@link SettlementRun} name, {@code unit} is {@code WD} (working days) or {@code MONTHS}
 * (calendar months), {@code offset} a whole number from 0 to the unit's maximum. Runs not listed keep their default.
 * A run may appear once (an identical repeat is accepted).
 */
final class RunOffsetFile
{
    static final String RUN = "run";
    static final String UNIT = "unit";
    static final String OFFSET = "offset";

    private RunOffsetFile()
    {
    }

    /**
     * @param csv      the file, positioned after its header.
     * @param problems where problems are reported.
     * @return the valid offsets by run.
     */
    static Map<SettlementRun, RunOffset> read(final CsvReader csv, final List<InputProblem> problems)
    {
        final int[] columns = csv.requireColumns(problems, RUN, UNIT, OFFSET);
        final Map<SettlementRun, RunOffset> offsets = new EnumMap<>(SettlementRun.class);
        if (columns == null)
        {
            return offsets;
        }
        final int runColumn = columns[0];
        final int unitColumn = columns[1];
        final int offsetColumn = columns[2];

        final int[] lineByRun = new int[SettlementRun.COUNT];
        while (csv.next())
        {
            final int rowProblems = problems.size();
            final SettlementRun run = CalendarFields.run(csv, runColumn, problems);
            final OffsetUnit unit = OffsetUnit.ofCode(csv.field(unitColumn));
            if (unit == null)
            {
                problems.add(csv.problem(unitColumn, "unknown unit; expected WD or MONTHS"));
            }
            final int amount = CalendarFields.offset(
                csv, offsetColumn, unit != null ? unit.maxOffset() : Integer.MAX_VALUE,
                unit != null ? unit.code() : "", problems);
            if (problems.size() > rowProblems)
            {
                continue;
            }

            final RunOffset offset = new RunOffset(unit, amount);
            final RunOffset previous = offsets.get(run);
            if (previous != null)
            {
                if (!previous.equals(offset))
                {
                    problems.add(csv.problem(runColumn, "conflicts with line " + lineByRun[run.ordinal()] + " (" +
                        previous + "); a run may have one offset"));
                }
                continue;
            }
            offsets.put(run, offset);
            lineByRun[run.ordinal()] = csv.line();
        }
        return offsets;
    }
}

package io.gbsettle.core.files;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.gbsettle.core.input.InputProblem;
import io.gbsettle.core.kernel.volume.BalancingBook;
import io.gbsettle.core.registry.MarketRegistry;

/**
 * Loads the physical balancing datasets of Elexon Insights / IRIS (iris-insights.md §2.1 to §2.3) into a
 * {@link BalancingBook}: PN rows ({@code /datasets/PN}; QPN rows are skipped), BOD rows ({@code /datasets/BOD}) and
 * BOALF rows ({@code /datasets/BOALF}, or {@code /balancing/acceptances/all}). Each row is one straight-line segment
 * {@code timeFrom/levelFrom -> timeTo/levelTo}, UTC; BM Units are matched on the Elexon id ({@code bmUnit}).
 *
 * <p>Rows may come in any order and from several files (the book orders by content when sealed). A row with a
 * problem (unknown BM Unit, missing or malformed field, timeTo before timeFrom, pair id 0 or beyond ±
 * {@link BalancingBook#MAX_PAIR}) is skipped and reported, naming the file, line and field; every problem of a file
 * is reported at once. The caller resets the book before the first file and seals it after the last.
 */
public final class BalancingInsights
{
    /**
     * Which dataset a file holds.
     */
    public enum Dataset
    {
        /** Physical Notifications: the FPN is the PN in force at gate closure. */
        PN,
        /** Bid-Offer Data: band widths per pair with offer and bid prices. */
        BOD,
        /** Bid-Offer Acceptance Level Flagged: acceptance level profiles with their flags. */
        BOALF
    }

    private BalancingInsights()
    {
    }

    /**
     * Reads one Insights JSON file into the book.
     *
     * @param dataset  what the file holds.
     * @param file     the file (a bare array of rows or a {@code {"data":[...]}} envelope).
     * @param registry the registry BM Unit ids are resolved against.
     * @param book     a book that has been reset and not yet sealed.
     * @param problems where problems are collected.
     * @return rows added to the book.
     * @throws UncheckedIOException if the file cannot be read.
     */
    public static int read(
        final Dataset dataset,
        final Path file,
        final MarketRegistry registry,
        final BalancingBook book,
        final List<InputProblem> problems)
    {
        final int[] added = new int[1];
        InsightsJson.read(file, problems, row -> added[0] += row(dataset, row, registry, book));
        return added[0];
    }

    /**
     * Reads Insights JSON rows from a stream into the book.
     *
     * @param dataset  what the stream holds.
     * @param fileName the name problems are reported against.
     * @param in       UTF-8 JSON; not closed.
     * @param registry the registry BM Unit ids are resolved against.
     * @param book     a book that has been reset and not yet sealed.
     * @param problems where problems are collected.
     * @return rows added to the book.
     */
    public static int read(
        final Dataset dataset,
        final String fileName,
        final InputStream in,
        final MarketRegistry registry,
        final BalancingBook book,
        final List<InputProblem> problems)
    {
        final int[] added = new int[1];
        InsightsJson.read(fileName, in, problems, row -> added[0] += row(dataset, row, registry, book));
        return added[0];
    }

    private static int row(
        final Dataset dataset, final InsightsJson row, final MarketRegistry registry, final BalancingBook book)
    {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset == Dataset.PN && "QPN".equalsIgnoreCase(row.text("dataset")))
        {
            return 0;
        }
        final int before = row.problems().size();
        final String bmUnitId = row.requireText("bmUnit");
        final long timeFrom = row.instant("timeFrom");
        final long timeTo = row.instant("timeTo");
        final double levelFrom = row.decimal("levelFrom", true);
        final double levelTo = row.decimal("levelTo", true);
        int bmUnit = MarketRegistry.NO_INDEX;
        if (bmUnitId != null)
        {
            bmUnit = registry.bmUnitIndex(bmUnitId);
            if (bmUnit == MarketRegistry.NO_INDEX)
            {
                row.problems().add(row.problem("bmUnit", "unknown BM Unit"));
            }
        }
        if (timeFrom != InsightsJson.MISSING_LONG && timeTo != InsightsJson.MISSING_LONG && timeTo < timeFrom)
        {
            row.problems().add(row.problem("timeTo", "before timeFrom"));
        }
        switch (dataset)
        {
            case PN:
                if (row.problems().size() > before)
                {
                    return 0;
                }
                book.addPn(bmUnit, timeFrom, levelFrom, timeTo, levelTo);
                return 1;
            case BOD:
            {
                final long pairId = row.wholeNumber("pairId", true);
                final double offer = row.decimal("offer", true);
                final double bid = row.decimal("bid", true);
                if (pairId != InsightsJson.MISSING_LONG &&
                    (pairId == 0 || Math.abs(pairId) > BalancingBook.MAX_PAIR))
                {
                    row.problems().add(row.problem("pairId", "must be non-zero and within ±" +
                        BalancingBook.MAX_PAIR));
                }
                if (row.problems().size() > before)
                {
                    return 0;
                }
                book.addBod(bmUnit, (int)pairId, timeFrom, levelFrom, timeTo, levelTo, offer, bid);
                return 1;
            }
            default:
            {
                final long number = row.wholeNumber("acceptanceNumber", true);
                final long acceptanceTime = row.instant("acceptanceTime");
                final boolean so = row.flag("soFlag", false);
                final boolean stor = row.flag("storFlag", false);
                final boolean rr = row.flag("rrFlag", false);
                final boolean deemed = row.flag("deemedBoFlag", false);
                if (row.problems().size() > before)
                {
                    return 0;
                }
                book.addAcceptance(bmUnit, number, acceptanceTime, timeFrom, levelFrom, timeTo, levelTo,
                    so, stor, rr, deemed);
                return 1;
            }
        }
    }
}

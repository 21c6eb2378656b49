package io.gbsettle.adapters.iris;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import io.gbsettle.core.engine.Engine;
import io.gbsettle.core.files.DayBundle;

/**
 * Public face of the package-private {@link IrisTestDay} fixture for tests in sub-packages.
 */
public final class IrisTestDayAccess implements AutoCloseable
{
    /** The fixture's Settlement Day. */
    public static final String DATE = IrisTestDay.DATE.toString();

    private final IrisTestDay day;

    /**
     * @param dir     the journal directory.
     * @param options the handler's choices.
     */
    public IrisTestDayAccess(final Path dir, final IrisOptions options)
    {
        this.day = new IrisTestDay(dir, options);
    }

    /**
     * @return the generated day.
     */
    public static DayBundle bundle()
    {
        return IrisTestDay.bundle();
    }

    /**
     * @return the handler.
     */
    public IrisIngest ingest()
    {
        return day.ingest;
    }

    /**
     * @return the engine.
     */
    public Engine engine()
    {
        return day.engine;
    }

    /**
     * @param m        a message.
     * @param encoding its body encoding.
     * @return the disposition.
     */
    public Disposition send(final IrisDayMessages.Message m, final BodyEncoding encoding)
    {
        return day.send(m, encoding);
    }

    /**
     * @throws TimeoutException if the engine does not catch up.
     */
    public void quiesce() throws TimeoutException
    {
        day.quiesce();
    }

    /**
     * @return PRICE_CHECK results seen.
     */
    public int priceCheckCount()
    {
        return day.priceChecks.size();
    }

    @Override
    public void close()
    {
        day.close();
    }
}

/**
 * Settlement time, pure and allocation-free on its hot path: Settlement Days and Periods
 * ({@link io.gbsettle.core.time.SettlementCalendar}), England and Wales bank holidays and working days
 * ({@link io.gbsettle.core.time.BankHolidays}, {@link io.gbsettle.core.time.WorkingDays}) and settlement run dates
 * ({@link io.gbsettle.core.time.SettlementRun}, {@link io.gbsettle.core.time.RunSchedule}), gathered in one
 * {@link io.gbsettle.core.time.CalendarContext}.
 *
 * <p>Days are epoch days and instants are UTC epoch seconds, both {@code long}; periods are {@code int} 1 to 50.
 * Methods on those primitives are table look-ups built at construction. Methods on {@code java.time} objects are for
 * tools and tests. No I/O here: files are read by {@code io.gbsettle.core.files.CalendarFiles}.
 */
package io.gbsettle.core.time;

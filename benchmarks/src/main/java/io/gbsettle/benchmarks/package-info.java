/**
 * JMH benchmarks of every kernel and, as the engine grows, of the ring end to end. Built into one runnable jar,
 * {@code benchmarks/target/benchmarks.jar}, whose {@link io.gbsettle.benchmarks.BenchmarkMain} appends the
 * project's JVM flags to every fork. Timing lives here and never in unit tests; {@code -prof gc} shows the
 * allocation per operation, which must be ~0 B/op for every hot-path benchmark.
 */
package io.gbsettle.benchmarks;

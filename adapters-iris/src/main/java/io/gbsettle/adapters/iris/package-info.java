/**
 * The IRIS adapter: consumes Elexon's Insights push feed (AMQP 1.0, one message per published file, subject =
 * dataset name, body = JSON rows) and turns PN, BOD, BOALF, DISBSAD, NETBSAD, MID and LoLP rows into the engine's
 * canonical input events in real time, fills gaps from the Insights REST API and checks the engine's indicative
 * prices against the published ones. A message is settled to the broker only once it is durably journaled. It
 * sits at the edge: the calculation core never depends on it.
 */
package io.gbsettle.adapters.iris;

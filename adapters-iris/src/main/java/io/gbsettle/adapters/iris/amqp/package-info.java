/**
 * The IRIS transport: AMQP 1.0 from a queue to the {@link io.gbsettle.adapters.iris.IrisHandler} port, for Azure
 * Service Bus (IRIS itself) and any other AMQP 1.0 broker through one code path.
 *
 * <h2>Client library: Apache Qpid ProtonJ2 client 1.1.0, for both</h2>
 * <ul>
 *   <li><b>One code path.</b> The issue prefers one path for Service Bus and any broker. The Azure Service Bus SDK
 *       cannot talk to a plain AMQP broker (it insists on {@code $cbs} put-token and {@code $management}; tried
 *       against Artemis it attaches and receives nothing, {@code iris-insights.md} §4.1), so choosing it would mean
 *       two transports, and the one the tests exercise would not be the one in production. ProtonJ2 speaks plain
 *       AMQP 1.0 to both: Service Bus accepts an Entra ID token as SASL PLAIN password with user {@code $jwt} (what
 *       Microsoft's own JMS library does), Artemis and others take SASL PLAIN or ANONYMOUS.</li>
 *   <li><b>Full control of peek-lock.</b> Credit is granted by hand (prefetch 0 to N, §1.5: a Service Bus lock starts
 *       when a message is assigned to credit), and the settlement outcomes are exactly those the Service Bus SDKs
 *       send: {@code accepted} (complete), {@code modified(delivery-failed)} (abandon), {@code rejected} with
 *       {@code com.microsoft:dead-letter} and the {@code DeadLetterReason}/{@code DeadLetterErrorDescription} info
 *       map (dead-letter). The raw body section comes as it is: an amqp-value string as {@code String}, data as
 *       {@code byte[]} (the Azure Java SDK's {@code getBody()} throws on value bodies, §1.10).</li>
 *   <li><b>Light and imperative.</b> One jar plus Netty; no Reactor, no azure-core, no azure-identity (the token comes
 *       from a plain {@code java.net.http} client-credentials request, {@link EntraTokenSource}); blocking calls,
 *       each with a timeout, on one listener thread.</li>
 *   <li><b>Testable.</b> The same code runs against embedded Artemis 2.55.0 ({@link EmbeddedBroker}) and against
 *       the ProtonJ2 test driver, a scripted AMQP peer that checks the SASL exchange and the outcome frames
 *       Artemis cannot show.</li>
 * </ul>
 *
 * <h2>What is verified and what is not</h2>
 * Verified here: everything against embedded Artemis (both body encodings, duplicates, order, dead-letter, broker
 * restart, a consumer killed between journal and complete, SASL PLAIN), the token request against a local HTTP
 * server, and the {@code $jwt} SASL exchange and outcome frames against the test driver. <b>Not verified against a
 * live Service Bus namespace or IRIS queue</b> (no credentials, no internet here): that IRIS's Entra app
 * registration accepts SASL PLAIN {@code $jwt} outside JMS (believed, since it is a namespace feature, §4.2 and
 * §6.4), and the body section IRIS really sends (§6.1). Not implemented: CBS put-token (the ProtonJ2 client API opens
 * receivers whose target equals their source, so a {@code $cbs} reply link cannot be expressed without the lower
 * engine API; the {@code $jwt} route needs none, and the listener reconnects with a fresh token before expiry),
 * and lock renewal ({@code com.microsoft:renew-lock} on {@code $management}, same obstacle; see
 * {@link IrisListener}). If the {@code $jwt} route proves not to work with IRIS, the fallback is the Azure SDK behind
 * the same {@link io.gbsettle.adapters.iris.IrisHandler} port.
 *
 * <h2>Pieces</h2>
 * {@link IrisSettings} (file + environment) gives an {@link AmqpEndpoint} and a queue; {@link IrisListener} runs
 * receive, handler, settle with reconnects; {@link IrisConsumer} assembles engine, payload journal, handler and
 * listener ({@code bsc iris listen}); {@link EmbeddedBroker} and {@link IrisPublisher} are the broker and the
 * IRIS-shaped sender of the tests, the benchmarks and the demo.
 */
package io.gbsettle.adapters.iris.amqp;

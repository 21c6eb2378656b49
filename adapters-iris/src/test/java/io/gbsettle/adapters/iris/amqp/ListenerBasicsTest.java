package io.gbsettle.adapters.iris.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.junit.jupiter.api.Test;

import io.gbsettle.adapters.iris.Disposition;
import io.gbsettle.adapters.iris.IrisHandler;
import io.gbsettle.adapters.iris.IrisMessage;

class ListenerBasicsTest
{
    @Test
    void explore() throws Exception
    {
        try (EmbeddedBroker broker = EmbeddedBroker.start())
        {
            broker.createQueue("iris.q");
            final AmqpEndpoint endpoint = AmqpEndpoint.parse(broker.url());
            try (IrisPublisher publisher = IrisPublisher.connect(endpoint, "iris.q"))
            {
                publisher.send("BOALF", "m1", "[{\"a\":1}]", false);
                publisher.send("BOD", "m2", "[{\"b\":2}]", true);
                publisher.send("BAD", "m3", "[", true);
                publisher.send("AB", "m4", "[]", true);
            }
            final List<String> seen = new ArrayList<>();
            final IrisHandler handler = new IrisHandler()
            {
                int abandons;
                public Disposition onMessage(final IrisMessage m)
                {
                    seen.add(m.dataset() + "/" + m.messageId() + "/" + m.encoding() + "/" + m.deliveryCount() + "/" +
                        m.bodyText());
                    if (m.dataset().equals("BAD"))
                    {
                        return Disposition.DEAD_LETTER;
                    }
                    if (m.dataset().equals("AB") && abandons++ < 2)
                    {
                        return Disposition.ABANDON;
                    }
                    return Disposition.COMPLETE;
                }
                public String deadLetterReason()
                {
                    return "MalformedJson: BAD message m3 row 1: unexpected end";
                }
            };
            try (IrisListener listener = new IrisListener(endpoint, "iris.q", handler, ListenerOptions.defaults(), null))
            {
                listener.start();
                assertTrue(listener.counters().awaitSettled(4, 10_000));
                System.out.println(seen + " " + listener.counters());
            }
            System.out.println("q " + broker.messageCount("iris.q") + " dlq " + broker.messageCount("DLQ.iris.q"));
            try (Client client = Client.create(); Connection c = client.connect("127.0.0.1", broker.port());
                Receiver r = c.openReceiver("DLQ.iris.q"))
            {
                final Delivery d = r.receive(5, TimeUnit.SECONDS);
                final Message<Object> m = d.message();
                System.out.println("DLQ body " + m.body() + " subject " + m.subject() + " id " + m.messageId());
                m.forEachProperty((k, v) -> System.out.println("  prop " + k + "=" + v));
                m.forEachAnnotation((k, v) -> System.out.println("  ann " + k + "=" + v));
                d.accept();
            }
            assertEquals(0, broker.messageCount("iris.q"));
        }
    }
}

package io.gbsettle.adapters.iris;

/**
 * How a message body arrived on the wire. IRIS has been seen to send both (see {@code iris-insights.md} §1.10); the
 * transport says which it read, the handler treats the bytes the same way (and unwraps a double-encoded JSON string
 * in either case).
 */
public enum BodyEncoding
{
    /** An AMQP value section holding a string: the transport passes the string's UTF-8 bytes. */
    AMQP_VALUE_STRING,
    /** One or more AMQP data sections: the transport passes their bytes concatenated. */
    DATA_BYTES
}

package org.bmsworkbench.transport.socketcand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.junit.jupiter.api.Test;

class SocketcandEndpointTest {
    private static SocketcandEndpoint of(String uri) {
        return SocketcandEndpoint.of(ConnectionUri.parse(uri));
    }

    private static String rejected(String uri) {
        return assertThrows(InvalidUriException.class, () -> of(uri)).getMessage();
    }

    @Test
    void hostPortAndBus() {
        assertEquals(new SocketcandEndpoint("192.168.1.10", 1234, "vcan1", 0), of("socketcand://192.168.1.10:1234/vcan1"));
        assertEquals(new SocketcandEndpoint("pi.local", 29536, "can0", 0), of("socketcand://pi.local"));
        assertEquals(new SocketcandEndpoint("pi.local", 29536, "can0", 0), of("socketcand://pi.local/"));
        assertEquals(new SocketcandEndpoint("[::1]", 29536, "can1", 250_000), of("socketcand://[::1]/can1?bitrate=250000"));
        assertEquals("::1", of("socketcand://[::1]:5/can0").hostName());
        assertEquals(5, of("socketcand://[::1]:5/can0").port());
    }

    @Test
    void faultsNameThePart() {
        assertEquals("'socketcand:can0': missing server; write socketcand://HOST:PORT/BUS, e.g. "
                + "socketcand://192.168.1.10:29536/can0", rejected("socketcand:can0"));
        assertEquals("'socketcand://h:0/can0': port '0' is not a number 1..65535 (socketcand's is 29536)",
                rejected("socketcand://h:0/can0"));
        assertEquals("'socketcand://h:70000/can0': port '70000' is not a number 1..65535 (socketcand's is 29536)",
                rejected("socketcand://h:70000/can0"));
        assertEquals("'socketcand://h:x/can0': port 'x' is not a number 1..65535 (socketcand's is 29536)",
                rejected("socketcand://h:x/can0"));
        assertEquals("'socketcand://h/can0/x': bus name 'can0/x' must be 1 to 16 letters, digits, '_', '.' or '-' (e.g. can0)",
                rejected("socketcand://h/can0/x"));
        assertEquals("'socketcand://h/abcdefghijklmnopq': bus name 'abcdefghijklmnopq' must be 1 to 16 letters, digits, "
                + "'_', '.' or '-' (e.g. can0)", rejected("socketcand://h/abcdefghijklmnopq"));
        assertEquals("'socketcand://h/can0?speed=1': unknown option 'speed' for socketcand: (known: bitrate)",
                rejected("socketcand://h/can0?speed=1"));
        assertEquals("'socketcand://h/can0?bitrate=5': option bitrate=5 is outside 1000..1000000",
                rejected("socketcand://h/can0?bitrate=5"));
        assertEquals("'socketcand://a b/can0': 'a b' is not a host name or address (e.g. socketcand://192.168.1.10:29536/can0,"
                + " IPv6 in brackets: socketcand://[::1]:29536/can0)", rejected("socketcand://a b/can0"));
    }
}

package org.bmsworkbench.transport.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.testing.FakePorts;
import org.bmsworkbench.serialport.SerialPorts;
import org.junit.jupiter.api.Test;

class SerialTransportTest {
    private final FakePorts ports = new FakePorts();
    private final SerialTransport transport = new SerialTransport(ports, SerialChannel.Timing.DEFAULT);

    private static SerialSettings settings(String uri) {
        return SerialSettings.of(ConnectionUri.parse(uri));
    }

    @Test
    void defaultsAre9600Baud8N1NoProtocolPollEverySecond() {
        SerialSettings s = settings("serial:/dev/ttyUSB0");
        assertEquals("/dev/ttyUSB0", s.port());
        assertEquals(9600, s.baud());
        assertEquals("none", s.parity());
        assertEquals(1, s.stopBits());
        assertFalse(s.listenOnly());
        assertEquals("ttyUSB0", s.link().port());
        assertNull(s.link().protocol());
        assertEquals(Duration.ofSeconds(1), s.link().pollPeriod());
    }

    @Test
    void theOptionsOfTheContract() {
        SerialSettings s = settings("serial:/dev/ttyUSB0?protocol=jbd&baud=9600&poll=1000");
        assertEquals("jbd", s.link().protocol());
        SerialSettings daly = settings("serial:COM4?protocol=daly&mode=listen-only");
        assertEquals("COM4", daly.link().port());
        assertEquals("daly", daly.link().protocol());
        assertTrue(daly.listenOnly());
        assertEquals("B", settings("serial:/tmp/x/B").link().port());
    }

    @Test
    void badUrisNameWhatIsWrong() {
        assertEquals("'serial:/dev/ttyUSB0?bitrate=500000': unknown option 'bitrate' for serial: (known: baud, mode,"
                + " parity, poll, protocol, stopbits)", assertThrows(InvalidUriException.class,
                        () -> transport.validate(ConnectionUri.parse("serial:/dev/ttyUSB0?bitrate=500000"))).getMessage());
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial://host:1"))
                .getMessage().contains("a serial line is a port, not a host"));
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial:/dev/ttyUSB0?baud=12"))
                .getMessage().contains("option baud=12 is outside 300..12000000"));
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial:/dev/ttyUSB0?parity=mark"))
                .getMessage().contains("parity=mark"));
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial:/dev/ttyUSB0?stopbits=3"))
                .getMessage().contains("stopbits=3"));
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial:/dev/ttyUSB0?poll=50"))
                .getMessage().contains("option poll=50 is outside 100..3600000"));
        assertTrue(assertThrows(InvalidUriException.class, () -> settings("serial:/dev/ttyUSB0?mode=sniff"))
                .getMessage().contains("mode=sniff"));
        assertThrows(InvalidUriException.class, () -> settings("serial:"));
    }

    @Test
    void discoveryListsTheSerialPorts() {
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyUSB0", "FT232R USB UART", "FT232R USB UART (ttyUSB0)", 0x0403,
                0x6001));
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyS0", "", "Physical Port S0", -1, -1));
        List<DiscoveredAdapter> found = transport.discover();
        assertEquals(2, found.size());
        DiscoveredAdapter usb = found.get(0);
        assertEquals("serial", usb.scheme());
        assertEquals("serial:/dev/ttyUSB0", usb.uri());
        assertEquals("/dev/ttyUSB0", usb.name());
        assertEquals("FT232R USB UART (ttyUSB0)", usb.description());
        assertEquals("0403:6001", usb.usbIds());
        assertFalse(usb.isKnownCanAdapter(), "a serial line is no CAN adapter");
        assertEquals("serial:/dev/ttyS0", found.get(1).uri());
        assertEquals("", found.get(1).usbIds());
    }

    @Test
    void theDescriptionNamesTheOptions() {
        assertTrue(transport.description().contains("serial:PORT?protocol=jbd|daly&baud=9600"), transport.description());
    }
}

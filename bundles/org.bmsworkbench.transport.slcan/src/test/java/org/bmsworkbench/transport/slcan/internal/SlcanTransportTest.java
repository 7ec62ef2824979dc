package org.bmsworkbench.transport.slcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.testing.FakePorts;
import org.bmsworkbench.serialport.SerialPorts;
import org.junit.jupiter.api.Test;

/** URI checking (no I/O) and discovery against a fake port list. */
class SlcanTransportTest {
    private final FakePorts ports = new FakePorts();
    private final SlcanTransport transport = new SlcanTransport(ports, SlcanChannel.Timing.DEFAULT);

    private static SlcanSettings settings(String uri) {
        return SlcanSettings.of(ConnectionUri.parse(uri));
    }

    private String rejected(String uri) {
        return assertThrows(InvalidUriException.class, () -> transport.validate(ConnectionUri.parse(uri))).getMessage();
    }

    @Test
    void defaults() {
        SlcanSettings s = settings("slcan:/dev/ttyACM0");
        assertEquals("/dev/ttyACM0", s.port());
        assertEquals(500_000, s.bitrate().bitsPerSecond());
        assertEquals(false, s.listenOnly());
        assertEquals(false, s.timestamps());
        assertEquals(115_200, s.baud());
        assertEquals("ttyACM0", s.busName());
    }

    @Test
    void portsAndOptions() {
        assertEquals("COM3", settings("slcan:COM3").port());
        assertEquals("COM3", settings("slcan:COM3").busName());
        assertEquals("/tmp/x", settings("slcan:/tmp/x?baud=921600").port());
        assertEquals(921_600, settings("slcan:/tmp/x?baud=921600").baud());
        SlcanSettings s = settings("slcan:/dev/ttyUSB0?bitrate=1M&mode=listen-only&timestamps=on");
        assertEquals(1_000_000, s.bitrate().bitsPerSecond());
        assertEquals(true, s.listenOnly());
        assertEquals(true, s.timestamps());
        assertEquals(10_000, settings("slcan:/dev/x?bitrate=10000").bitrate().bitsPerSecond());
    }

    @Test
    void badUrisNameTheProblem() {
        assertEquals("'slcan:/dev/ttyACM0?bitrate=83333': option bitrate=83333 is not a standard SLCAN bit rate"
                + " (allowed: 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M)", rejected("slcan:/dev/ttyACM0?bitrate=83333"));
        assertEquals("'slcan:' : missing serial port (e.g. slcan:/dev/ttyACM0)".replace("' :", "':"), rejected("slcan:"));
        assertEquals("'slcan:/dev/x?mode=silent': option mode=silent is not one of listen-only, normal",
                rejected("slcan:/dev/x?mode=silent"));
        assertEquals("'slcan:/dev/x?timestamps=maybe': option timestamps=maybe is not true or false",
                rejected("slcan:/dev/x?timestamps=maybe"));
        assertEquals("'slcan:/dev/x?speed=1': unknown option 'speed' for slcan: (known: baud, bitrate, mode, timestamps)",
                rejected("slcan:/dev/x?speed=1"));
        assertEquals("'slcan://host/x': an SLCAN adapter is a serial port, not a host; write e.g. slcan:/dev/ttyACM0"
                + " or slcan:COM3", rejected("slcan://host/x"));
        assertEquals("'slcan:/dev/x?baud=0': option baud=0 is outside 300..12000000", rejected("slcan:/dev/x?baud=0"));
    }

    @Test
    void validateDoesNoIo() {
        ports.present = false;
        transport.validate(ConnectionUri.parse("slcan:/dev/nothing-here"));
        assertEquals(0, ports.opened.size());
    }

    @Test
    void discoveryMarksKnownAdapters() {
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyACM0", "CANable2 b158aa7 github.com/normaldotcom/canable2.git",
                "CANable2 b158aa7 github.com/normaldotcom/canable2.git", 0x16D0, 0x117E));
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyUSB0", "CANUSB", "USB Serial", 0x0403, 0x6001));
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyUSB1", "FT232R USB UART", "FT232R USB UART", 0x0403, 0x6001));
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyACM1", "USBtin", "USBtin", 0x04D8, 0x000A));
        ports.listed.add(new SerialPorts.PortInfo("/dev/ttyS0", "Physical Port S0", "Physical Port S0", -1, -1));
        List<DiscoveredAdapter> found = transport.discover();
        assertEquals(5, found.size());
        DiscoveredAdapter canable = found.get(0);
        assertEquals("slcan:/dev/ttyACM0", canable.uri());
        assertEquals("16d0:117e", canable.usbIds());
        assertEquals("CANable 2 (slcan firmware)", canable.knownAdapter());
        assertEquals("Lawicel CANUSB", found.get(1).knownAdapter());
        assertEquals("CANUSB (USB Serial)", found.get(1).description());
        assertEquals("", found.get(2).knownAdapter(), "a plain FTDI cable is not a CAN adapter");
        assertEquals("USBtin", found.get(3).knownAdapter());
        assertEquals("", found.get(4).knownAdapter());
        assertEquals("", found.get(4).usbIds());
    }

    @Test
    void knownAdaptersByIdAndDescription() {
        assertEquals("CANable / CANtact (slcan firmware)", KnownAdapters.recognise(0xAD50, 0x60C4, ""));
        assertEquals("SLCAN clone (STM32 virtual COM port)", KnownAdapters.recognise(0x0483, 0x5740, "CAN adapter"));
        assertEquals("", KnownAdapters.recognise(0x0483, 0x5740, "STM32 Virtual ComPort"));
        assertEquals("CANable (by description)", KnownAdapters.recognise(0x1234, 0x5678, "canable clone"));
        assertEquals("", KnownAdapters.recognise(0x1234, 0x5678, "USB Serial"));
    }
}

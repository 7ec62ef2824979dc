package org.bmsworkbench.transport.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link SerialPorts} through jSerialComm. */
final class JSerialCommPorts implements SerialPorts {
    static final int READ_TIMEOUT_MILLIS = 100;
    private static final int WRITE_TIMEOUT_MILLIS = 2000;

    @Override
    public SerialLine open(SerialSettings settings) throws IOException {
        String port = settings.port();
        if (port.contains("/") && !Files.exists(Path.of(port))) {
            throw new IOException(port + ": no such port");
        }
        SerialPort sp;
        try {
            sp = SerialPort.getCommPort(port);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(port + ": no such port");
        }
        int parity = switch (settings.parity()) {
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
        sp.setComPortParameters(settings.baud(), 8,
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity);
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MILLIS, WRITE_TIMEOUT_MILLIS);
        if (!sp.openPort()) {
            throw new IOException(port + ": " + openError(sp.getLastErrorCode()));
        }
        return new Line(sp, port);
    }

    private static String openError(int errno) {
        return switch (errno) {
            case 2, 6 -> "no such port";
            case 13 -> "permission denied (on Linux, add yourself to the dialout group)";
            case 16 -> "in use by another program";
            default -> "cannot open (system error " + errno + ")";
        };
    }

    @Override
    public List<PortInfo> list() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getDescriptivePortName(),
                    p.getVendorID(), p.getProductID()));
        }
        return ports;
    }

    private static final class Line implements SerialLine {
        private final SerialPort port;
        private final String name;

        Line(SerialPort port, String name) {
            this.port = port;
            this.name = name;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new IOException("reading " + name + " failed (system error " + port.getLastErrorCode() + ")");
            }
            return n;
        }

        @Override
        public void write(byte[] data, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int n = port.writeBytes(data, length - done, done);
                if (n <= 0) {
                    throw new IOException("writing to " + name + " failed (system error " + port.getLastErrorCode() + ")");
                }
                done += n;
            }
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}

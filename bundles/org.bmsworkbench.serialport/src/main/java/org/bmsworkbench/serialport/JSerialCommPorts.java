package org.bmsworkbench.serialport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link SerialPorts} through jSerialComm. */
public final class JSerialCommPorts implements SerialPorts {
    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final int WRITE_TIMEOUT_MILLIS = 2000;

    private final long drainMillis;

    /** Ports whose lines close at once. */
    public JSerialCommPorts() {
        this(0);
    }

    /**
     * Ports whose lines wait {@code drainMillis} before closing, so that the last bytes written
     * leave: closing the port discards output the driver still holds, and jSerialComm offers no
     * drain.
     */
    public JSerialCommPorts(long drainMillis) {
        this.drainMillis = drainMillis;
    }

    @Override
    public SerialLine open(String port, int baud, Parity parity, int stopBits) throws IOException {
        if (port.contains("/") && !Files.exists(Path.of(port))) {
            throw new IOException(port + ": no such port");
        }
        SerialPort sp;
        try {
            sp = SerialPort.getCommPort(port);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(port + ": no such port");
        }
        int parityBit = switch (parity) {
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case NONE -> SerialPort.NO_PARITY;
        };
        sp.setComPortParameters(baud, 8, stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                parityBit);
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MILLIS, WRITE_TIMEOUT_MILLIS);
        if (!sp.openPort()) {
            throw new IOException(port + ": " + openError(sp.getLastErrorCode()));
        }
        return new Line(sp, port, drainMillis);
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
        private final long drainMillis;

        Line(SerialPort port, String name, long drainMillis) {
            this.port = port;
            this.name = name;
            this.drainMillis = drainMillis;
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
            if (drainMillis > 0) {
                try {
                    Thread.sleep(drainMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            port.closePort();
        }
    }
}

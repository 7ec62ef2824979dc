package org.bmsworkbench.transport.slcan.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A decoder handler that writes down what it is told, one string per event. */
final class Events implements SlcanDecoder.Handler {
    final List<String> all = new ArrayList<>();
    final List<String> frames = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    static String frameText(int id, boolean extended, boolean remote, int dlc, byte[] data, int timestamp) {
        return (extended ? String.format("%08X", id) : String.format("%03X", id)) + "#"
                + (remote ? "R" + dlc : HexFormat.of().withUpperCase().formatHex(data))
                + (timestamp == SlcanDecoder.NO_TIMESTAMP ? "" : "@" + timestamp);
    }

    @Override
    public void frame(int id, boolean extended, boolean remote, int dlc, byte[] data, int timestamp) {
        String f = frameText(id, extended, remote, dlc, data, timestamp);
        frames.add(f);
        all.add(f);
    }

    @Override
    public void ok() {
        all.add("OK");
    }

    @Override
    public void transmitAck(boolean extended) {
        all.add(extended ? "Z" : "z");
    }

    @Override
    public void bell() {
        all.add("BEL");
    }

    @Override
    public void status(int flags) {
        all.add(String.format("F%02X", flags));
    }

    @Override
    public void info(String line) {
        all.add("info " + line);
    }

    @Override
    public void problem(String reason) {
        problems.add(reason);
        all.add("problem " + reason);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

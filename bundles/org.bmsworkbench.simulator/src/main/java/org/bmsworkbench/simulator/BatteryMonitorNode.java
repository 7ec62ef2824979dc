package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus;
import org.bmsworkbench.protocol.nmea2000.codec.DcDetailedStatus;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Field;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * Another maker's battery monitor on the {@code network} scenario, watching the two
 * {@link BoatBatteries}: every {@value #PERIOD_MILLIS} ms ({@value #OFFSET_MILLIS} ms after the
 * Master LV's cycle) PGN 127508 Battery Status for instance 0 (the house bank) and 1 (the start
 * bank) — voltage, a real current and temperature in every one, unlike the Master LV's cell
 * instances — and PGN 127506 DC Detailed Status for instance 0 (SOC, time to go, amp hours; 11
 * bytes, fast packet), one SID per cycle. Priority 6 as canboat gives both PGNs.
 */
final class BatteryMonitorNode extends NetworkDevice {
    static final long PERIOD_MILLIS = 1500;
    static final long OFFSET_MILLIS = 300;
    static final int PRIORITY = 6;
    static final int HOUSE_INSTANCE = 0;
    static final int START_INSTANCE = 1;

    private final BoatBatteries batteries;
    private final FastPacketEncoder encoder;
    private long next = OFFSET_MILLIS;
    private long stepped;
    private int sid;

    BatteryMonitorNode(IsoName name, ProductInformation product, int address, BoatBatteries batteries,
            FastPacketEncoder encoder) {
        super("battery monitor", name, product, address);
        this.batteries = batteries;
        this.encoder = encoder;
    }

    @Override
    long nextDueMillis() {
        return next;
    }

    @Override
    List<CanFrame> sendDue(long millis, long epochMillis) {
        batteries.step((millis - stepped) / 1000.0);
        stepped = millis;
        next += PERIOD_MILLIS;
        int s = sid;
        sid = (sid + 1) % CyclicMessages.SID_VALUES;
        if (!online()) {
            return List.of();
        }
        long micros = (epochMillis + millis) * 1000;
        List<CanFrame> out = new ArrayList<>(4);
        out.add(batteryStatus(HOUSE_INSTANCE, batteries.houseVoltage(), batteries.houseCurrent(),
                batteries.houseTemperature(), s, micros));
        out.add(batteryStatus(START_INSTANCE, batteries.startVoltage(), batteries.startCurrent(),
                batteries.startTemperature(), s, micros));
        Map<String, Object> dc = new LinkedHashMap<>();
        dc.put("soc", Math.round(batteries.houseSoc()));
        dc.put("time_to_go", batteries.houseTimeToGo());
        dc.put("capacity.remaining", batteries.houseRemainingAh());
        byte[] payload = DcDetailedStatus.of(dc, HOUSE_INSTANCE, s, DcDetailedStatus.DC_TYPE_BATTERY,
                DcDetailedStatus.LENGTH).toBytes();
        int id = J1939Id.of(PRIORITY, DcDetailedStatus.PGN, address(), J1939Id.BROADCAST).canId();
        for (byte[] data : encoder.encode(address(), DcDetailedStatus.PGN, payload)) {
            out.add(CanFrame.wrap(micros, VirtualMasterLv.BUS, id, true, data));
        }
        return out;
    }

    private CanFrame batteryStatus(int instance, double volts, double amps, double celsius, int s, long micros) {
        BatteryStatus status = new BatteryStatus(instance, Nmea2000Field.VOLTAGE.encode(volts, "voltage"),
                Nmea2000Field.CURRENT.encode(amps, "current"), Nmea2000Field.TEMPERATURE.encode(celsius, "temperature"), s);
        int id = J1939Id.of(PRIORITY, BatteryStatus.PGN, address(), J1939Id.BROADCAST).canId();
        return CanFrame.wrap(micros, VirtualMasterLv.BUS, id, true, status.toBytes());
    }
}

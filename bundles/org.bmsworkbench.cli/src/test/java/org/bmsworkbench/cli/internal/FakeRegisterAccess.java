package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.bms.registers.FieldType;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.Connection;

/**
 * A register access with five registers of guide 1.5.4.2 and a device held in a map: reads
 * answer from it (a register not in it: ACK 0x8000), writes change it unless {@link #rejectWrites}.
 */
final class FakeRegisterAccess implements RegisterAccess {
    static final RegisterInfo FIRMWARE = new RegisterInfo(0x0102, "Firmware version", "device",
            List.of(new RegisterField("bms.firmware", FieldType.VERSION, 0, 0, false, "", null)), false, false, false,
            null, null, Map.of(), Map.of(), "");
    static final RegisterInfo SOC = new RegisterInfo(0x0FFF, "State-of-Charge", "status",
            List.of(new RegisterField("soc", FieldType.UN16, 0, 2, false, "%", null)), true, true, false, null, null,
            Map.of(), Map.of(), "");
    static final RegisterInfo STATE = new RegisterInfo(0x0371, "BMS state", "status",
            List.of(new RegisterField("bms.state", FieldType.UN8, 0, 0, false, "", null)), false, true, false, null,
            null, Map.of(9L, "Running", 10L, "Error"), Map.of(), "");
    static final RegisterInfo FLAGS = new RegisterInfo(0x2100, "Status flags", "status",
            List.of(new RegisterField("bms.flags", FieldType.UN32, 0, 0, false, "", null)), false, true, false, null,
            null, Map.of(), Map.of(0, "allowed to charge", 7, "contactor closed"), "");
    static final RegisterInfo SYNC_GROUP = new RegisterInfo(0x0374, "Synchronize group number", "settings",
            List.of(new RegisterField("setting.sync_group", FieldType.UN8, 0, 0, false, "", 0xFFL)), false, true, true,
            0L, 3L, Map.of(0L, "disabled"), Map.of(), "");

    private final List<RegisterInfo> registers = List.of(FIRMWARE, STATE, SYNC_GROUP, SOC, FLAGS);
    /** register → value of its first field, as the device holds it. */
    final Map<Integer, Object> device = new HashMap<>(Map.of(0x0102, "1.04", 0x0FFF, 87.5, 0x0371, 9L,
            0x2100, 0x81L, 0x0374, 0L));
    final List<String> log = new ArrayList<>();
    Integer rejectWrites;
    RequestOptions lastOptions;

    @Override
    public RegisterCatalogue catalogue() {
        return new RegisterCatalogue() {
            @Override
            public List<RegisterInfo> registers() {
                return registers;
            }

            @Override
            public Optional<RegisterInfo> find(int id) {
                return registers.stream().filter(r -> r.id() == id).findFirst();
            }

            @Override
            public Optional<RegisterInfo> findByKey(String key) {
                return registers.stream().filter(r -> r.fields().stream().anyMatch(f -> f.key().equals(key)))
                        .findFirst();
            }
        };
    }

    @Override
    public RequestOptions defaults() {
        return RequestOptions.DEFAULT;
    }

    @Override
    public CompletableFuture<RegisterResult> read(Connection connection, int register, RequestOptions options) {
        lastOptions = options;
        log.add(String.format("read 0x%04X from 0x%02X", register, options.node()));
        Object value = device.get(register);
        if (value == null) {
            return CompletableFuture.completedFuture(new RegisterResult(register, options.node(),
                    Outcome.UNKNOWN_REGISTER, 0x8000, Map.of(), "", 1, String.format(
                            "node 0x%02X answered the request for 0x%04X with ACK 0x8000 (unknown register or invalid"
                                    + " request)", options.node(), register)));
        }
        String key = catalogue().find(register).map(r -> r.fields().get(0).key()).orElse("x");
        return CompletableFuture.completedFuture(new RegisterResult(register, options.node(), Outcome.OK, null,
                Map.of(key, value), "0A0B", 1, "ok"));
    }

    @Override
    public CompletableFuture<List<RegisterResult>> readAll(Connection connection, List<Integer> registers,
            RequestOptions options) {
        List<RegisterResult> results = new ArrayList<>();
        registers.forEach(r -> results.add(read(connection, r, options).join()));
        return CompletableFuture.completedFuture(results);
    }

    @Override
    public CompletableFuture<RegisterResult> write(Connection connection, int register, Number value,
            RequestOptions options) {
        log.add(String.format("write %s to 0x%04X", value, register));
        if (rejectWrites != null) {
            return CompletableFuture.completedFuture(new RegisterResult(register, options.node(),
                    Outcome.ofAck(rejectWrites), rejectWrites, Map.of(), "", 1, String.format(
                            "node 0x%02X answered the write to 0x%04X", options.node(), register)));
        }
        device.put(register, value.longValue());
        return CompletableFuture.completedFuture(new RegisterResult(register, options.node(), Outcome.OK, null,
                Map.of("setting.sync_group", value.longValue()), "02", 1, String.format(
                        "wrote %s to 0x%04X (Synchronize group number); node 0x%02X confirmed it", value, register,
                        options.node())));
    }
}

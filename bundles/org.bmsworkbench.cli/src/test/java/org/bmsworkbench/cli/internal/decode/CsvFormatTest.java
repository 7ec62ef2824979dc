package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.Messages.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
    private final CsvFormat format = new CsvFormat(Map.of("pack.voltage", "V", "pack.current", "A",
            "pack.temperature", "°C", "bms.manufacturer", "", "soc", "%"));

    @Test
    void headerThenOneRowPerSignalWithUnits() {
        TextBuffer b = new TextBuffer(64);
        format.begin(b);
        Messages.write(format, Messages.generalBms(), b);
        assertEquals("""
                time,bus,protocol,can_id,message,key,value,unit
                1600000000.5,can0,general-bms,0x356,battery_basic_info,pack.voltage,53.12,V
                1600000000.5,can0,general-bms,0x356,battery_basic_info,pack.current,-12.3,A
                1600000000.5,can0,general-bms,0x356,battery_basic_info,pack.temperature,21.5,°C
                """, b.toString());
    }

    @Test
    void quotesOnlyWhatMustBeQuotedAndLeavesNullEmpty() {
        CanFrame f = CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x35E, false, new byte[8]);
        DecodedMessage m = DecodedMessage.of("sma", "bms_name", f,
                signals("bms.manufacturer", "MG, \"Energy\"", "soc", null, "own.key", "plain"));
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, m, b);
        assertEquals("""
                ,can0,sma,0x35E,bms_name,bms.manufacturer,"MG, ""Energy\""",
                ,can0,sma,0x35E,bms_name,soc,,%
                ,can0,sma,0x35E,bms_name,own.key,plain,
                """, b.toString());
    }

    @Test
    void messageWithoutSignalsAndFramesWithoutMessageAreOneRowEach() {
        CanFrame f = CanFrame.of(1_600_000_002_000_000L, "can0", 0x18E8FF50, true, new byte[8]);
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, new DecodedMessage("vreg", "vreg_ack", f, null, 80, 255, 0x0FFF, 0x8000, signals()), b);
        Messages.write(format, Records.UNKNOWN, CanFrame.of(1_600_000_002_000_000L, "can0", 0x123, false, (byte) 1), b);
        Messages.write(format, Records.ERROR_FRAME, CanFrame.error(1_600_000_002_000_000L, "can0", 0x80, new byte[8]), b);
        Messages.write(format, Records.REMOTE_REQUEST, CanFrame.remote(1_600_000_002_000_000L, "can0", 0x123, false, 4), b);
        assertEquals("""
                1600000002.0,can0,vreg,0x18E8FF50,vreg_ack,,,
                1600000002.0,can0,,0x123,unknown,data,01,
                1600000002.0,can0,,0x20000080,error_frame,data,0000000000000000,
                1600000002.0,can0,,0x123,remote_request,dlc,4,
                """, b.toString());
    }
}

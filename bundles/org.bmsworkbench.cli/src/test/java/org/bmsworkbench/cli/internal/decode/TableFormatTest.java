package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.Messages.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    private final TableFormat format = new TableFormat(Map.of("pack.voltage", "V", "pack.current", "A",
            "pack.temperature", "°C", "soc", "%", "bms.manufacturer", ""));

    @Test
    void alignedColumnsWithUnits() {
        TextBuffer b = new TextBuffer(64);
        format.begin(b);
        Messages.write(format, Messages.generalBms(), b);
        Messages.write(format, Messages.vreg(), b);
        assertEquals("""
                TIME                      BUS     ID          MESSAGE                   SIGNALS
                2020-09-13T12:26:40.500Z  can0    0x356       battery_basic_info        \
                pack.voltage=53.12 V  pack.current=-12.3 A  pack.temperature=21.5 °C
                2020-09-13T12:26:42.000Z  can0    0x1CEFFF50  vreg                      \
                source=80  destination=255  register=0x0FFF  soc=87.5 %
                """, b.toString());
    }

    @Test
    void textIsQuotedNullIsNotAvailableAndUnknownShowsData() {
        CanFrame f = CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x35E, false, new byte[8]);
        TextBuffer b = new TextBuffer(64);
        Messages.write(format, DecodedMessage.of("sma", "bms_name", f, signals("bms.manufacturer", "MG", "soc", null)), b);
        Messages.write(format, Records.UNKNOWN, CanFrame.of(1_600_000_000_001_999L, "can0", 0x123, false, (byte) 0xAB), b);
        Messages.write(format, Records.ERROR_FRAME, CanFrame.error(1_600_000_000_001_999L, "can0", 0x80, new byte[8]), b);
        Messages.write(format, Records.REMOTE_REQUEST, CanFrame.remote(1_600_000_000_001_999L, "can0", 0x123, false, 4), b);
        assertEquals("""
                -                         can0    0x35E       bms_name                  bms.manufacturer="MG"  soc=n/a
                2020-09-13T12:26:40.001Z  can0    0x123       unknown                   data=AB
                2020-09-13T12:26:40.001Z  can0    0x20000080  error_frame               data=0000000000000000
                2020-09-13T12:26:40.001Z  can0    0x123       remote_request            dlc=4
                """, b.toString());
    }
}

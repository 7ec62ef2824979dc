package org.bmsworkbench.cli.internal.decode;

import static org.bmsworkbench.cli.internal.decode.Messages.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.junit.jupiter.api.Test;

/**
 * {@code bmswb decode} of a serial trace (SIGNALS.md, "Cell-level BMS makes over serial": the
 * trace's line, and a JSONL record with {@code protocol}, {@code message}, {@code register} (JBD) or
 * {@code data_id} (Daly), {@code signals}, no {@code can_id}). The request is the contract's JBD read
 * of register 0x03, {@code DD A5 03 00 FF FD 77}; the answer is written by hand in the same framing.
 */
class SerialTraceDecodeTest {
    private static final String TRACE = """
            (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
            (1600000000.101002) ttyUSB0 rx 0011DD0300
            (1600000000.101950) ttyUSB0 rx 0210
            (1600000000.102400) ttyUSB0 rx 04FFEA77
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> problems = new ArrayList<>();

    private DecodePipeline.Summary decode(OutputFormat format, boolean all, String trace, boolean strict,
            BmsProtocol... protocols) throws Exception {
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(trace.getBytes(StandardCharsets.US_ASCII)),
                "t.log", null, strict ? null : e -> problems.add(e.getMessage()))) {
            return new DecodePipeline(List.of(protocols), format, out, all)
                    .run(reader, "t.log", strict ? null : e -> problems.add(e.getMessage()));
        }
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonlRecordsOfAChunkHaveNoCanIdAndATwoDigitRegister() throws Exception {
        DecodePipeline.Summary s = decode(new JsonlFormat(), false, TRACE, false, new ByteStreamProtocol());
        assertEquals("""
                {"time":1600000000.052311,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"request","signals":{}}
                {"time":1600000000.1024,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"r03","signals":{"cell.count":16}}
                """, text(), "the answer spans three chunks: its record has the time of the one that completed it");
        assertEquals(List.of("t.log:2: jbd: skipped 0011 on ttyUSB0"), problems);
        assertEquals(new DecodePipeline.Summary(4, 2, 0, 1), s);
    }

    @Test
    void eachPortHasItsOwnSessionSoInterleavedPortsDoNotMixTheirBytes() throws Exception {
        // The same answer on two ports, its chunks interleaved: one session for both would run
        // ttyUSB1's bytes into ttyUSB0's half-read message and lose both.
        String twoPorts = """
                (1600000000.1) ttyUSB0 rx DD0300
                (1600000000.2) ttyUSB1 rx DD03
                (1600000000.3) ttyUSB0 rx 021004FFEA77
                (1600000000.4) ttyUSB1 rx 00021004FFEA77
                """;
        DecodePipeline.Summary s = decode(new JsonlFormat(), true, twoPorts, true, new ByteStreamProtocol());
        assertEquals("""
                {"time":1600000000.3,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"r03","signals":{"cell.count":16}}
                {"time":1600000000.4,"bus":"ttyUSB1","protocol":"jbd","register":"0x03","message":"r03","signals":{"cell.count":16}}
                """, text());
        assertEquals(new DecodePipeline.Summary(4, 2, 0, 0), s);
    }

    @Test
    void underAllSkippedBytesAreUnknownWithTheirData() throws Exception {
        decode(new JsonlFormat(), true, TRACE, false, new ByteStreamProtocol());
        assertEquals("""
                {"time":1600000000.052311,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"request","signals":{}}
                {"time":1600000000.101002,"bus":"ttyUSB0","protocol":null,"message":"unknown","signals":{},"data":"0011"}
                {"time":1600000000.1024,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"r03","signals":{"cell.count":16}}
                """, text());
    }

    @Test
    void messagesCompletedBesideSkippedBytesAreKept() throws Exception {
        decode(new JsonlFormat(), true, "(1600000000.5) ttyUSB0 rx DD0300021004FFEA770011\n", false,
                new ByteStreamProtocol());
        assertEquals("""
                {"time":1600000000.5,"bus":"ttyUSB0","protocol":"jbd","register":"0x03","message":"r03","signals":{"cell.count":16}}
                {"time":1600000000.5,"bus":"ttyUSB0","protocol":null,"message":"unknown","signals":{},"data":"0011"}
                """, text());
        assertEquals(List.of("t.log:1: jbd: skipped 0011 on ttyUSB0"), problems);
    }

    @Test
    void withoutAProtocolEveryChunkIsUnknownUnderAll() throws Exception {
        decode(new JsonlFormat(), true, "(1600000000.5) COM4 rx A5019008\n", false);
        assertEquals("{\"time\":1600000000.5,\"bus\":\"COM4\",\"protocol\":null,\"message\":\"unknown\",\"signals\":{},"
                + "\"data\":\"A5019008\"}\n", text());
    }

    @Test
    void strictStopsAtTheChunkWithSkippedBytesAfterKeepingWhatCameBefore() {
        LogParseException e = assertThrows(LogParseException.class,
                () -> decode(new JsonlFormat(), false, TRACE, true, new ByteStreamProtocol()));
        assertEquals("t.log:2: jbd: skipped 0011 on ttyUSB0", e.getMessage());
        assertEquals(1, text().split("\n").length, "the request before it is written");
    }

    @Test
    void tableShowsDirectionForTheIdAndTheShortRegister() throws Exception {
        decode(new TableFormat(Map.of("cell.count", "")), false, TRACE, false, new ByteStreamProtocol());
        assertEquals("""
                TIME                      BUS     ID          MESSAGE                   SIGNALS
                2020-09-13T12:26:40.052Z  ttyUSB0  tx          request                   register=0x03
                2020-09-13T12:26:40.102Z  ttyUSB0  rx          r03                       register=0x03  cell.count=16
                """, text());
    }

    @Test
    void csvLeavesTheCanIdEmpty() throws Exception {
        decode(new CsvFormat(Map.of()), true, TRACE, false, new ByteStreamProtocol());
        assertEquals("""
                time,bus,protocol,can_id,message,key,value,unit
                1600000000.052311,ttyUSB0,jbd,,request,,,
                1600000000.101002,ttyUSB0,,,unknown,data,0011,
                1600000000.1024,ttyUSB0,jbd,,r03,cell.count,16,
                """, text());
    }

    @Test
    void aDalyRecordCarriesItsDataIdAsTwoHexDigits() {
        CanFrame chunk = CanFrame.chunk(1_600_000_000_500_000L, "COM4", Direction.RX, new byte[] {(byte) 0xA5});
        DecodedMessage m = new DecodedMessage("daly", "soc", chunk, null, null, null, null, null, null, 0x90,
                signals("soc", 87.5));
        TextBuffer b = new TextBuffer(64);
        Messages.write(new JsonlFormat(), m, b);
        assertEquals("{\"time\":1600000000.5,\"bus\":\"COM4\",\"protocol\":\"daly\",\"data_id\":\"0x90\",\"message\":\"soc\","
                + "\"signals\":{\"soc\":87.5}}\n", b.toString());
        TextBuffer t = new TextBuffer(64);
        Messages.write(new TableFormat(Map.of("soc", "%")), m, t);
        assertEquals("2020-09-13T12:26:40.500Z  COM4    rx          soc                       data_id=0x90  soc=87.5 %\n",
                t.toString());
    }

    @Test
    void aVregRegisterKeepsItsFourDigits() {
        TextBuffer b = new TextBuffer(64);
        Messages.write(new JsonlFormat(), Messages.vreg(), b);
        assertEquals(true, b.toString().contains("\"register\":\"0x0FFF\""));
        CanFrame f = CanFrame.of(1, "can0", 0x1CEFFF50, true, new byte[8]);
        TextBuffer small = new TextBuffer(64);
        Messages.write(new JsonlFormat(), new DecodedMessage("vreg", "vreg", f, null, 80, 255, 0x0010, null, signals()), small);
        assertEquals(true, small.toString().contains("\"register\":\"0x0010\""), small.toString());
    }
}

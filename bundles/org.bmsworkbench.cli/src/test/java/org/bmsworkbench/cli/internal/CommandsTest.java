package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.cli.internal.decode.FakeProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in commands against a fake registry (CanLogs is exercised where it is implemented). */
class CommandsTest {
    @TempDir
    Path dir;

    private final FakeRegistry registry = new FakeRegistry(new FakeProtocol("sma"), new FakeProtocol("general-bms"));

    private BmswbMain main() {
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new DecodeCommand(registry), Map.of("command.name", "decode", "service.id", 1L));
        main.addCommand(new ProtocolsCommand(registry), Map.of("command.name", "protocols", "service.id", 2L));
        main.addCommand(new SignalsCommand(registry), Map.of("command.name", "signals", "service.id", 3L));
        return main;
    }

    private Console run(int expectedStatus, String... args) {
        Console c = new Console(dir);
        int status = main().run(List.of(args), null, c.out, c.err, dir, false);
        assertEquals(expectedStatus, status, c.err());
        return c;
    }

    @Test
    void decodeUnknownProtocolListsTheInstalledOnes() {
        Console c = run(2, "decode", "--protocol", "nmea", "x.log");
        assertEquals("bmswb decode: unknown protocol 'nmea' (installed: general-bms, sma)\n"
                + "Try 'bmswb decode --help'.\n", c.err());
    }

    @Test
    void decodeMissingFileIsAFailureNamingIt() {
        Console c = run(1, "decode", "--protocol", "sma", "nofile.log");
        assertEquals("bmswb decode: cannot read nofile.log: no such file\n", c.err());
        c = run(1, "decode", "nofile.log");
        assertEquals("bmswb decode: cannot read nofile.log: no such file\n", c.err());
    }

    @Test
    void decodeDirectoryIsAFailure() throws Exception {
        Files.createDirectory(dir.resolve("logs"));
        assertEquals("bmswb decode: cannot read logs: is a directory\n", run(1, "decode", "logs").err());
    }

    @Test
    void decodeUsageErrors() {
        assertEquals("bmswb decode: --format: expected one of table, jsonl, csv, got 'xml'\n"
                + "Try 'bmswb decode --help'.\n", run(2, "decode", "--format", "xml", "x.log").err());
        assertEquals("bmswb decode: missing FILE|-\nTry 'bmswb decode --help'.\n", run(2, "decode").err());
        assertEquals("bmswb decode: --device: expected an address 0..253, decimal or 0x hex, such as 80 or 0x50, got '0x100'\n"
                + "Try 'bmswb decode --help'.\n", run(2, "decode", "--device", "0x100", "x.log").err());
        assertEquals("bmswb decode: --device: expected an address 0..253, decimal or 0x hex, such as 80 or 0x50, got 'bms'\n"
                + "Try 'bmswb decode --help'.\n", run(2, "decode", "--device", "bms", "x.log").err());
        assertEquals("bmswb decode: --protocol needs a value\nTry 'bmswb decode --help'.\n",
                run(2, "decode", "x.log", "--protocol").err());
    }

    /** Standard output that fails as a full disk does. */
    private static StandardOutput fullDisk() {
        return StandardOutput.over(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        });
    }

    @Test
    void decodeToAFullDiskFailsWithOneLineSayingWhy() throws Exception {
        Path log = Files.writeString(dir.resolve("x.log"), "(1.000000) can0 356#C01485FFD700\n");
        for (String format : List.of("jsonl", "table", "csv")) {
            Console c = new Console(dir);
            int status = main().run(List.of("decode", "--protocol", "sma", "--format", format, log.toString()), null,
                    fullDisk(), c.err, dir, false);
            assertEquals(1, status, format);
            assertEquals("bmswb decode: cannot write the output: No space left on device\n", c.err(), format);
        }
    }

    @Test
    void anyCommandWhoseOutputIsLostFails() {
        Console c = new Console(dir);
        assertEquals(1, main().run(List.of("protocols"), null, fullDisk(), c.err, dir, false));
        assertEquals("bmswb protocols: cannot write the output: No space left on device\n", c.err());
        c = new Console(dir);
        assertEquals(1, main().run(List.of("--help"), null, fullDisk(), c.err, dir, false));
        assertEquals("bmswb: cannot write the output: No space left on device\n", c.err());
    }

    @Test
    void decodeSkipsABadFirstLineAndDecodesTheRest() throws Exception {
        Files.writeString(dir.resolve("x.log"), "garbage line\n(1700000000.000000) can0 356#BE14FE007C01\n");
        for (String protocol : List.of("sma", "auto")) {
            Console c = run(0, "decode", "--protocol", protocol, "--format", "jsonl", "x.log");
            assertTrue(c.err().startsWith("bmswb decode: x.log:1: not a line of any log format this workbench reads"
                    + " (skipped)\n"), c.err());
            assertTrue(c.err().endsWith("bmswb decode: 1 bad line skipped\n"), c.err());
            assertTrue(c.out().contains("\"pack.voltage\":53.1"), c.out());
        }
    }

    @Test
    void decodeAllShowsErrorAndRemoteFramesFromACandumpLog() throws Exception {
        Files.writeString(dir.resolve("x.log"), "(1.000000) can0 20000080#0000000000000000\n"
                + "(2.000000) can0 123#R4\n(3.000000) can0 356#BE14FE007C01\n");
        assertEquals("""
                {"time":1.0,"bus":"can0","protocol":null,"can_id":"0x20000080","message":"error_frame","signals":{},"data":"0000000000000000"}
                {"time":2.0,"bus":"can0","protocol":null,"can_id":"0x123","message":"remote_request","signals":{},"dlc":4}
                {"time":3.0,"bus":"can0","protocol":"sma","can_id":"0x356","message":"battery_basic_info","signals":{"pack.voltage":53.1}}
                """, run(0, "decode", "-p", "sma", "--format", "jsonl", "--all", "x.log").out());
        assertEquals("""
                {"time":3.0,"bus":"can0","protocol":"sma","can_id":"0x356","message":"battery_basic_info","signals":{"pack.voltage":53.1}}
                """, run(0, "decode", "-p", "sma", "--format", "jsonl", "x.log").out());
    }

    @Test
    void decodeAllPrintsTheRawFramesWhenNoProtocolIsRecognisedCanFdWithAllItsBytes() throws Exception {
        StringBuilder sixtyFour = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sixtyFour.append(String.format(" %02X", i));
        }
        // a PEAK trace (format told by content, whatever the name), an 11-bit frame no protocol claims and a 64-byte CAN FD frame
        Files.writeString(dir.resolve("bench.txt"), """
                ;$FILEVERSION=2.1
                ;$STARTTIME=25569.5
                ;$COLUMNS=N,O,T,B,I,d,R,L,D
                      1         0.500 DT 1      07A0 Rx -  2    01 02
                      2         1.000 FB 2      0123 Tx -  15  %s
                """.formatted(sixtyFour));
        Console c = run(0, "decode", "--format", "jsonl", "--all", "bench.txt");
        assertEquals("bmswb decode: no known protocol recognised in bench.txt (installed: general-bms, sma);"
                + " printing the raw frames (--all)\n", c.err());
        assertEquals("""
                {"time":43200.0005,"bus":"can0","protocol":null,"can_id":"0x7A0","message":"unknown","signals":{},"data":"0102"}
                {"time":43200.001,"bus":"can1","protocol":null,"can_id":"0x123","message":"unknown","signals":{},"data":"%s","fd":true}
                """.formatted(sixtyFour.toString().replace(" ", "")), c.out());
        c = run(1, "decode", "--format", "jsonl", "bench.txt");
        assertEquals("bmswb decode: no known protocol recognised in bench.txt (installed: general-bms, sma)\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void aLogWithoutFramesIsSaidToHaveNoneWithAnyProtocolChoice() throws Exception {
        Files.writeString(dir.resolve("empty.log"), "");
        Files.writeString(dir.resolve("comments.log"), "// only\n# comments\n\n");
        for (String log : List.of("empty.log", "comments.log")) {
            for (String protocol : List.of("auto", "sma")) {
                Console c = run(0, "decode", "--protocol", protocol, "--format", "jsonl", log);
                assertEquals("bmswb decode: no CAN frames in " + log + "\n", c.err(), protocol);
                assertEquals("", c.out());
            }
        }
    }

    @Test
    void decodeAutoWithNothingInstalledFails() {
        Console c = new Console(dir);
        assertEquals(1, c.run("decode", new DecodeCommand(new FakeRegistry()), "x.log"));
        assertEquals("bmswb decode: no known protocol recognised in x.log (installed: none)\n", c.err());
    }

    @Test
    void decodeHelpNamesEveryOption() {
        String help = run(0, "decode", "--help").out();
        for (String option : List.of("--protocol", "--format", "--all", "--strict", "FILE|-")) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void protocolsTable() {
        assertEquals("""
                ID           NAME              MESSAGES  SIGNALS
                general-bms  Fake general-bms  2         2
                sma          Fake sma          2         2
                """, run(0, "protocols").out());
    }

    @Test
    void protocolsJsonl() {
        assertEquals("""
                {"id":"general-bms","label":"Fake general-bms","messages":2,"signals":2}
                {"id":"sma","label":"Fake sma","messages":2,"signals":2}
                """, run(0, "protocols", "--format", "jsonl").out());
    }

    @Test
    void protocolsWithNoneInstalledSaysSo() throws Exception {
        Console c = new Console(dir);
        assertEquals(0, c.run("protocols", new ProtocolsCommand(new FakeRegistry())));
        assertEquals("bmswb protocols: no protocol is installed\n", c.err());
    }

    @Test
    void signalsListsTheCatalogue() {
        assertEquals("""
                KEY                 UNIT  KIND     GROUP     LABEL
                bms.serial                text     identity  Serial number
                pack.current        A     number   pack      Pack current
                pack.voltage        V     number   pack      Pack voltage
                cell.<n>.voltage    V     number   cells     Cell <n> voltage
                cell.<n>.balancing        boolean  cells     Cell <n> balancing
                temperature.<n>     °C    number   cells     Temperature <n>
                """, run(0, "signals").out());
    }

    @Test
    void signalsOfACellLevelMakeCloseWithThePerCellPatterns() throws Exception {
        FakeProtocol cells = new FakeProtocol("cells") {
            @Override
            public List<SignalDescriptor> signals() {
                return List.of(new SignalDescriptor("cell.count", "", SignalKind.NUMBER, "cells", "Cells", null),
                        new SignalDescriptor("pack.voltage", "V", SignalKind.NUMBER, "pack", "Pack voltage", null));
            }
        };
        Console c = new Console(dir);
        assertEquals(0, c.run("signals", new SignalsCommand(new FakeRegistry(cells)), "--protocol", "cells"));
        assertEquals("""
                KEY                 UNIT  KIND     GROUP  LABEL
                cell.count                number   cells  Cells
                pack.voltage        V     number   pack   Pack voltage
                cell.<n>.voltage    V     number   cells  Cell <n> voltage
                cell.<n>.balancing        boolean  cells  Cell <n> balancing
                temperature.<n>     °C    number   cells  Temperature <n>
                """, c.out());
    }

    @Test
    void signalsOfOneProtocol() {
        assertEquals("""
                {"key":"bms.serial","unit":"","kind":"text","group":"identity","label":"Serial number","description":""}
                {"key":"pack.voltage","unit":"V","kind":"number","group":"pack","label":"Pack voltage","description":"Voltage"}
                """, run(0, "signals", "--protocol", "sma", "--format", "jsonl").out());
    }

    @Test
    void signalsOfOneProtocolAreTheCatalogues() throws Exception {
        // a protocol that describes a standard key its own way: the catalogue's unit and label are shown
        FakeProtocol odd = new FakeProtocol("odd") {
            @Override
            public List<SignalDescriptor> signals() {
                return List.of(new SignalDescriptor("pack.voltage", "mV", SignalKind.NUMBER, "x", "Volts!", null));
            }
        };
        Console c = new Console(dir);
        assertEquals(0, c.run("signals", new SignalsCommand(new FakeRegistry(odd)), "--protocol", "odd"));
        assertEquals("""
                KEY           UNIT  KIND    GROUP  LABEL
                pack.voltage  V     number  pack   Pack voltage
                """, c.out());
    }

    @Test
    void signalsOfAnUnknownProtocolIsAUsageError() {
        Console c = new Console(dir);
        assertEquals(2, c.run("signals", new SignalsCommand(registry), "--protocol", "x"));
        assertEquals("bmswb signals: unknown protocol 'x' (installed: general-bms, sma)\nTry 'bmswb signals --help'.\n",
                c.err());
    }

    @Test
    void anExplicitProtocolBringsTheCompanionsItNamesWhenInstalled() throws Exception {
        FakeRegistry withVreg = new FakeRegistry(new FakeProtocol("nmea2000", "vreg"), new FakeProtocol("vreg"));
        assertEquals(List.of("nmea2000", "vreg"), ProtocolSelection.withCompanions(withVreg, "nmea2000").ids());
        assertEquals(List.of("vreg"), ProtocolSelection.withCompanions(withVreg, "vreg").ids());
        FakeRegistry alone = new FakeRegistry(new FakeProtocol("nmea2000", "vreg"));
        assertEquals(List.of("nmea2000"), ProtocolSelection.withCompanions(alone, "nmea2000").ids());
        assertEquals(List.of("vreg"), ProtocolSelection.withCompanions(alone, "nmea2000").missingCompanions());
        FakeRegistry noCompanions = new FakeRegistry(new FakeProtocol("nmea2000"), new FakeProtocol("vreg"));
        assertEquals(List.of("nmea2000"), ProtocolSelection.withCompanions(noCompanions, "nmea2000").ids(),
                "companions come from the protocol, not from a table in the CLI");
    }
}

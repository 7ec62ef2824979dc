package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real {@code bin/bmswb} against the contract of docs/SIGNALS.md: output, messages and exit codes. */
class CommandLineIT {
    /** Written by hand from guide 1.3, with the expected JSONL next to it (the SMA bundle's fixtures). */
    private static final Path GUIDE_LOG = fixture("sma-guide.log");
    private static final Path GUIDE_JSONL = fixture("sma-guide.jsonl");
    /** Written by hand from guide 1.4: every General BMS frame, markers, the serial in two halves. */
    private static final Path GENERAL_BMS_LOG = fixture("org.bmsworkbench.protocol.generalbms", "general-bms-guide.log");
    private static final Path GENERAL_BMS_JSONL = fixture("org.bmsworkbench.protocol.generalbms", "general-bms-guide.jsonl");
    /** Written by hand from guide 1.5.3 (NMEA 2000), with the expected JSONL (the NMEA 2000 bundle's fixtures). */
    private static final Path N2K_LOG = fixture("org.bmsworkbench.protocol.nmea2000", "nmea2000-guide.log");
    private static final Path N2K_JSONL = fixture("org.bmsworkbench.protocol.nmea2000", "nmea2000-guide.jsonl");

    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    /** Written by hand from guide 1.5.4 (the VREG bundle's fixtures). */
    private static final Path VREG_LOG = fixture("org.bmsworkbench.protocol.vreg", "vreg-guide.log");
    private static final Path VREG_JSONL = fixture("org.bmsworkbench.protocol.vreg", "vreg-guide.jsonl");

    private static Path fixture(String name) {
        return fixture("org.bmsworkbench.protocol.sma", name);
    }

    private static Path fixture(String bundle, String name) {
        return Paths.get(System.getProperty("user.dir"), "..", "..", "bundles", bundle, "src", "test", "resources", name)
                .normalize();
    }

    @Test
    void decodesTheGuideLogToExactlyTheExpectedJsonl() throws IOException {
        Bmswb.Result r = bmswb.run("decode", "--protocol", "sma", "--format", "jsonl", GUIDE_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(Files.readAllLines(GUIDE_JSONL), r.outLines(), r::toString);
    }

    @Test
    void decodesTheGeneralBmsGuideLogToExactlyTheExpectedJsonl() throws IOException {
        Bmswb.Result r = bmswb.run("decode", "--protocol", "general-bms", "--format", "jsonl", GENERAL_BMS_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(Files.readAllLines(GENERAL_BMS_JSONL), r.outLines(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void autoDetectionTellsGeneralBmsFromSma() throws IOException {
        Bmswb.Result general = bmswb.run("decode", "--format", "jsonl", GENERAL_BMS_LOG.toString());
        assertEquals(0, general.status(), general::toString);
        assertTrue(general.err().contains("protocol auto-detected: general-bms"), general::toString);
        assertEquals(Files.readAllLines(GENERAL_BMS_JSONL), general.outLines(), general::toString);
        Bmswb.Result sma = bmswb.run("decode", "--format", "jsonl", GUIDE_LOG.toString());
        assertTrue(sma.err().contains("protocol auto-detected: sma"), sma::toString);
    }

    @Test
    void exportsDbcFilesAndSaysWhyNot() throws IOException {
        for (String protocol : List.of("sma", "general-bms")) {
            Path dbc = bmswb.workDir.resolve(protocol + ".dbc");
            Bmswb.Result r = bmswb.run("dbc", "export", "--protocol", protocol, "-o", dbc.toString());
            assertEquals(0, r.status(), r::toString);
            String text = Files.readString(dbc, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("BO_ 854 battery_basic_info: 6 BMS"), text);
            assertTrue(text.contains("VAL_ 858 alarm_general 0 \"none\" 1 \"raised\" 2 \"cleared\" 3 \"invalid\" ;"), text);
            assertTrue(text.contains(" SG_ pack_temperature : 32|16@1- (0.1,0) [-3276.7|3276.7] \"°C\" Vector__XXX"), text);
            assertTrue(text.contains("CM_ SG_ 854 pack_voltage \"pack.voltage: "), text);
            assertEquals(protocol.equals("general-bms"), text.contains(
                    " SG_ cell_temperature_min : 32|16@1+ (1,-273.15) [-273.15|65260.85] \"°C\" Vector__XXX"), text);
            assertEquals(protocol.equals("general-bms"), text.contains(" SG_ energy_charged : 0|32@1+ (0.01,0)"), text);
        }
        Bmswb.Result unknown = bmswb.run("dbc", "export", "--protocol", "nope", "-o", "x.dbc");
        assertEquals(2, unknown.status(), unknown::toString);
        assertTrue(unknown.err().contains("unknown protocol 'nope'"), unknown::toString);
        Bmswb.Result help = bmswb.run("dbc", "--help");
        assertEquals(0, help.status(), help::toString);
        assertTrue(help.out().contains("bmswb dbc export --protocol ID -o FILE.dbc"), help::toString);
    }

    @Test
    void decodesTheVregGuideLogToExactlyTheExpectedJsonl() throws IOException {
        Bmswb.Result r = bmswb.run("decode", "--protocol", "vreg", "--format", "jsonl", VREG_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(Files.readAllLines(VREG_JSONL), r.outLines(), r::toString);
    }

    @Test
    void decodesTheNmea2000GuideLogToExactlyTheExpectedJsonl() throws IOException {
        Bmswb.Result r = bmswb.run("decode", "--protocol", "nmea2000", "--format", "jsonl", N2K_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(Files.readAllLines(N2K_JSONL), r.outLines(), r::toString);
    }

    @Test
    void autoDetectionChoosesNmea2000ForItsPgns() throws IOException {
        Bmswb.Result r = bmswb.run("decode", "--format", "jsonl", N2K_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.err().contains("auto-detected") && r.err().contains("nmea2000"), r::toString);
        assertEquals(Files.readAllLines(N2K_JSONL), r.outLines(), r::toString);
    }

    @Test
    void autoDetectionSaysWhatItChoseAndWhy() {
        Bmswb.Result r = bmswb.run("decode", "--format", "jsonl", GUIDE_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.err().contains("auto-detected") && r.err().contains("sma"), r::toString);
        assertFalse(r.outLines().isEmpty());
    }

    @Test
    void readsStandardInput() throws IOException {
        Bmswb.Result r = bmswb.runWithInput(Files.readString(GUIDE_LOG), "decode", "--protocol", "sma", "--format", "jsonl", "-");
        assertEquals(0, r.status(), r::toString);
        assertEquals(Files.readAllLines(GUIDE_JSONL), r.outLines(), r::toString);
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRestIsStillDecoded() {
        Path log = bmswb.write("bad.log", String.join("\n",
                "(1600000000.000000) can0 356#C01485FFD700",
                "(1600000000.100000) can0 356#C01485FFD700",
                "(1600000000.200000) can0 356#C0148G",
                "(1600000000.300000) can0 356#C01485FFD700", ""));
        Bmswb.Result tolerant = bmswb.run("decode", "--protocol", "sma", "--format", "jsonl", log.toString());
        assertEquals(0, tolerant.status(), tolerant::toString);
        assertTrue(tolerant.err().contains("bad.log:3:"), tolerant::toString);
        assertEquals(3, tolerant.outLines().size(), tolerant::toString);

        Bmswb.Result strict = bmswb.run("decode", "--strict", "--protocol", "sma", "--format", "jsonl", log.toString());
        assertEquals(1, strict.status(), strict::toString);
        assertTrue(strict.err().contains("bad.log:3:"), strict::toString);
        assertEquals(1, strict.err().strip().lines().count(), "one line on stderr: " + strict.err());
    }

    @Test
    void outputThatCannotBeWrittenIsAFailureSayingWhy() throws Exception {
        Process p = bmswb.builder("decode", "--protocol", "sma", "--format", "jsonl", GUIDE_LOG.toString())
                .redirectOutput(new File("/dev/full")).redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals("bmswb decode: cannot write the output: No space left on device\n", err);
    }

    @Test
    void aClosedPipeEndsTheCommandWithOneLine() throws Exception {
        Process p = bmswb.builder("decode", "--protocol", "sma", "--format", "jsonl", GUIDE_LOG.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        p.getInputStream().close(); // the reader is gone before anything is written, as after '| head -0'
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals("bmswb decode: cannot write the output: Broken pipe\n", err);
    }

    @Test
    void csvHasAHeaderAndOneRowPerSignalWithItsUnit() {
        Bmswb.Result r = bmswb.run("decode", "--protocol", "sma", "--format", "csv", GUIDE_LOG.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.outLines();
        assertEquals("time,bus,protocol,can_id,message,key,value,unit", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",pack.voltage,53.12,V")), r::toString);
    }

    @Test
    void theShippedSampleDecodesAsATable() {
        Bmswb.Result r = bmswb.run("decode", bmswb.home.resolve("samples/mg-master-lv-sma.log").toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("pack.voltage"), r::toString);
        assertTrue(r.out().contains("warning.high_temperature"), r::toString);
    }

    @Test
    void listsProtocolsAndSignals() {
        Bmswb.Result protocols = bmswb.run("protocols");
        assertEquals(0, protocols.status(), protocols::toString);
        assertTrue(protocols.out().contains("sma"), protocols::toString);
        Bmswb.Result signals = bmswb.run("signals");
        assertEquals(0, signals.status(), signals::toString);
        assertTrue(signals.outLines().stream().anyMatch(l -> l.startsWith("pack.voltage") && l.contains(" V")), signals::toString);
        System.out.printf("bmswb protocols: %d ms wall (first run of this copy)%n", protocols.millis());
    }

    @Test
    void versionNamesTheProductJavaAndTheSystem() {
        Bmswb.Result r = bmswb.run("--version");
        assertEquals(0, r.status(), r::toString);
        assertEquals(2, r.outLines().size(), r::toString);
        assertTrue(r.outLines().get(0).matches("bmswb \\d+\\.\\d+\\.\\d+.*"), r::toString);
        assertTrue(r.outLines().get(1).startsWith("Java "), r::toString);
    }

    /** The bash script is valid and, sourced, completes commands of every bundle (the simulator's too) and options. */
    @Test
    void completionScriptCompletesTheInstalledCommands() throws Exception {
        Bmswb.Result r = bmswb.run("completion", "bash");
        assertEquals(0, r.status(), r::toString);
        Path script = Files.createTempFile("bmswb", ".bash");
        try {
            Files.writeString(script, r.out());
            assertEquals("", bash("bash -n " + script));
            assertEquals("decode", complete(script, "bmswb", "dec"));
            assertEquals("signals simulate snapshot", complete(script, "bmswb", "s"));
            assertEquals("--no-registers", complete(script, "bmswb", "snapshot", "--no-"));
            assertEquals("list read write", complete(script, "bmswb", "vreg", ""));
        } finally {
            Files.delete(script);
        }
        Bmswb.Result zsh = bmswb.run("completion", "zsh");
        assertEquals(0, zsh.status(), zsh::toString);
        assertTrue(zsh.out().contains("bashcompinit"), zsh::toString);
    }

    private static String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        return bash("source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_bmswb bmswb '"
                + words[words.length - 1] + "' '" + words[words.length - 2] + "' 2>/dev/null; echo \"${COMPREPLY[*]}\"")
                .strip();
    }

    private static String bash(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void helpListsTheCommands() {
        Bmswb.Result r = bmswb.run("--help");
        assertEquals(0, r.status(), r::toString);
        for (String command : List.of("decode", "protocols", "signals", "dbc")) {
            assertTrue(r.out().contains(command), r::toString);
        }
        Bmswb.Result decodeHelp = bmswb.run("decode", "--help");
        assertEquals(0, decodeHelp.status(), decodeHelp::toString);
        assertTrue(decodeHelp.out().contains("--format"), decodeHelp::toString);
    }

    @Test
    void usageErrorsExitWithTwoAndFailuresWithOne() {
        Bmswb.Result unknown = bmswb.run("frobnicate");
        assertEquals(2, unknown.status(), unknown::toString);
        assertTrue(unknown.err().contains("frobnicate"), unknown::toString);

        Bmswb.Result badFormat = bmswb.run("decode", "--format", "xml", GUIDE_LOG.toString());
        assertEquals(2, badFormat.status(), badFormat::toString);
        assertTrue(badFormat.err().contains("xml"), badFormat::toString);

        Bmswb.Result badProtocol = bmswb.run("decode", "--protocol", "nope", GUIDE_LOG.toString());
        assertEquals(2, badProtocol.status(), badProtocol::toString);

        Bmswb.Result missing = bmswb.run("decode", "no-such.log");
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().contains("no-such.log"), missing::toString);
        assertEquals(1, missing.err().strip().lines().count(), "one line on stderr: " + missing.err());
    }
}

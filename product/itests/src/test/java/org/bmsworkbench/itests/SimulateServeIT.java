package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bmswb simulate --serve} proved by clients nobody here wrote: python-can's slcan
 * interface (Debian's python3-can, run by /usr/bin/python3 through slcan_receive.py) on the
 * other end of a socat pty pair receives the SMA frames, which {@code bmswb decode} turns
 * into the model's values; and a plain socket client speaks socketcand's raw mode with the
 * served device. Needs socat, python3-can and python3-serial: {@code .ci/run} installs them.
 */
class SimulateServeIT {
    private static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get(System.getProperty("user.dir"), "src", "test", "resources",
            "slcan_receive.py");
    private static final String HINT = "the simulate --serve test needs socat, python3-can and python3-serial"
            + " (Debian packages, for /usr/bin/python3, not a pyenv python): run .ci/run, which installs them,"
            + " or apt-get install socat python3-can python3-serial";
    private static final Set<String> SMA_IDS = Set.of("0x351", "0x355", "0x356", "0x35A", "0x35B", "0x35E", "0x35F");

    private static Bmswb bmswb;
    private static String socat;

    @BeforeAll
    static void requireToolsAndCopyProduct() throws Exception {
        socat = List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                .orElseGet(() -> fail("socat is not installed; " + HINT));
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing; " + HINT);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import can, serial").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(HINT + ". Python said: " + output.strip());
        }
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    @Test
    void pythonCanReadsDecodableSmaFramesOverAPtyPair() throws Exception {
        Path dir = Files.createTempDirectory(bmswb.workDir, "pty");
        Path device = dir.resolve("bms");
        Path host = dir.resolve("host");
        Path socatLog = dir.resolve("socat.log");
        Process pair = new ProcessBuilder(socat, "-d", "-d", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true).redirectOutput(socatLog.toFile()).start();
        Process simulate = null;
        try {
            await(() -> Files.exists(device) && Files.exists(host) || !pair.isAlive(), "socat's pty pair");
            assertTrue(pair.isAlive(), () -> "socat ended: " + read(socatLog));
            Path simErr = dir.resolve("simulate.err");
            simulate = bmswb.builder("simulate", "--protocol", "sma", "--serve", "slcan:" + device, "--duration", "20")
                    .redirectOutput(dir.resolve("simulate.out").toFile()).redirectError(simErr.toFile()).start();
            Process sim = simulate;
            await(() -> read(simErr).contains("serving a simulated MG Master LV") || !sim.isAlive(), "the start line");
            assertTrue(sim.isAlive(), () -> "bmswb simulate ended: " + read(simErr));

            Path rx = dir.resolve("rx.jsonl");
            Path rxErr = dir.resolve("rx.err");
            Process python = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), host.toString(), "4")
                    .redirectOutput(rx.toFile()).redirectError(rxErr.toFile()).start();
            if (!python.waitFor(60, TimeUnit.SECONDS)) {
                python.destroyForcibly();
                fail("slcan_receive.py did not finish in 60 s: " + read(rxErr));
            }
            assertEquals(0, python.exitValue(), () -> "slcan_receive.py failed: " + read(rxErr));
            List<Map<String, Object>> frames = Files.readAllLines(rx).stream().filter(l -> !l.isBlank())
                    .map(Json::object).toList();
            Set<String> ids = frames.stream().map(f -> (String) f.get("id")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(SMA_IDS), ids, "python-can received the SMA frames");
            assertTrue(frames.size() >= 2 * SMA_IDS.size(), "at least two 500 ms cycles: " + frames.size() + " frames");

            Path log = bmswb.write("python-can.log", candumpLog(frames));
            Bmswb.Result decoded = bmswb.run("decode", "--strict", "--protocol", "sma", "--format", "jsonl", log.toString());
            assertEquals(0, decoded.status(), decoded::toString);
            Map<String, Object> signals = new HashMap<>();
            for (String line : decoded.outLines()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) Json.object(line).get("signals");
                signals.putAll(s);
            }
            double packVoltage = number(signals, "pack.voltage");
            assertTrue(packVoltage > 44 && packVoltage < 58, "a 48 V LiFePO4 pack: " + packVoltage);
            assertTrue(number(signals, "soc") > 0 && number(signals, "soc") <= 100, signals::toString);
            assertTrue(number(signals, "limit.charge_voltage") > packVoltage - 1, signals::toString);
            assertTrue(signals.containsKey("pack.current") && signals.containsKey("pack.temperature"), signals::toString);
            assertEquals("cleared", signals.get("alarm.general"), signals::toString);
            assertTrue(String.valueOf(signals.get("bms.manufacturer")).startsWith("MG"), signals::toString);

            if (!simulate.waitFor(60, TimeUnit.SECONDS)) {
                fail("bmswb simulate did not end after --duration 20: " + read(simErr));
            }
            String err = read(simErr);
            assertEquals(0, simulate.exitValue(), err);
            assertTrue(err.contains("bmswb simulate: the host opened the channel at 500 kbit/s"), err);
            assertTrue(err.contains("bmswb simulate: the host closed the channel"), err);
            assertTrue(err.contains(" 1 received from it"), "python-can's frame reached the device: " + err);
        } finally {
            if (simulate != null) {
                simulate.destroyForcibly();
            }
            pair.destroy();
            pair.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSocketcandClientOpensTheBusReceivesFramesAndSendsOne() throws Exception {
        Path err = bmswb.workDir.resolve("socketcand.err");
        Process simulate = bmswb.builder("simulate", "--serve", "socketcand://127.0.0.1:0/can0", "--duration", "15")
                .redirectOutput(bmswb.workDir.resolve("socketcand.out").toFile()).redirectError(err.toFile()).start();
        try {
            Pattern started = Pattern.compile("on socketcand://127\\.0\\.0\\.1:(\\d+)/can0 for 15 s");
            await(() -> started.matcher(read(err)).find() || !simulate.isAlive(), "the start line with the port");
            Matcher m = started.matcher(read(err));
            assertTrue(m.find(), () -> "no start line: " + read(err));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 10_000);
                socket.setSoTimeout(20_000);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                assertEquals("< hi >", element(in));
                out.write("< open can0 >".getBytes(StandardCharsets.US_ASCII));
                assertEquals("< ok >", element(in));
                out.write("< rawmode >".getBytes(StandardCharsets.US_ASCII));
                assertEquals("< ok >", element(in));
                // the General BMS frames (the default protocol): SMA's seven and its own four
                Set<String> expected = Set.of("351", "355", "356", "35A", "35B", "35E", "35F", "373", "378", "380", "381");
                Set<String> ids = new TreeSet<>();
                Pattern frame = Pattern.compile("< frame ([0-9A-F]{3}) \\d+\\.\\d{6} ([0-9A-F]*) >");
                while (!ids.containsAll(expected)) {
                    String e = element(in);
                    Matcher f = frame.matcher(e);
                    assertTrue(f.matches(), e);
                    ids.add(f.group(1));
                }
                assertEquals(expected, ids);
                out.write("< send 123 3 01 02 03 >< echo >".getBytes(StandardCharsets.US_ASCII));
                String e;
                while ((e = element(in)).startsWith("< frame ")) {
                    // frames before the echo
                }
                assertEquals("< echo >", e);
            }
            if (!simulate.waitFor(60, TimeUnit.SECONDS)) {
                fail("bmswb simulate did not end after --duration 15: " + read(err));
            }
            String text = read(err);
            assertEquals(0, simulate.exitValue(), text);
            assertTrue(text.matches("(?s).*client 127\\.0\\.0\\.1:\\d+ connected.*"), text);
            assertTrue(text.matches("(?s).*can0: 1 clients, \\d+ frames sent to them, 1 received from them.*"), text);
        } finally {
            simulate.destroyForcibly();
        }
    }

    /** Frames as python-can gave them, as a candump -L log. */
    private static String candumpLog(List<Map<String, Object>> frames) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> f : frames) {
            BigDecimal time = (BigDecimal) f.get("time");
            String id = ((String) f.get("id")).substring(2);
            sb.append(String.format("(%s) can0 %s#%s%n", time.setScale(6, RoundingMode.HALF_UP).toPlainString(),
                    id, f.get("data")));
        }
        return sb.toString();
    }

    private static double number(Map<String, Object> signals, String key) {
        Object v = signals.get(key);
        assertTrue(v instanceof BigDecimal, key + " is " + v + " in " + signals);
        return ((BigDecimal) v).doubleValue();
    }

    /** The next {@code < … >} element. */
    private static String element(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '<') {
                sb.setLength(0);
            }
            sb.append((char) c);
            if (c == '>') {
                return sb.toString();
            }
        }
        fail("the server closed the connection after '" + sb + "'");
        return null;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits for a condition; 60 s is a limit for a hung test, not a timing assertion. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

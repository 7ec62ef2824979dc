package org.bmsworkbench.protocol.generalbms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.cli.internal.decode.DecodePipeline;
import org.bmsworkbench.cli.internal.decode.JsonlFormat;
import org.junit.jupiter.api.Test;

/**
 * general-bms-guide.log, written out by hand from guide 1.4.2 (every frame, markers, the serial
 * number in two halves), decodes to exactly general-bms-guide.jsonl: byte for byte what
 * {@code bmswb decode --protocol general-bms --format jsonl} prints, through the command's own
 * pipeline (docs/SIGNALS.md).
 */
class GeneralBmsGuideLogTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GeneralBmsGuideLogTest.class.getResourceAsStream("/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void logDecodesToTheExpectedJsonl() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CanLogReader reader = CanLogs.open(new java.io.ByteArrayInputStream(resource("general-bms-guide.log")),
                "general-bms-guide.log", null, null)) {
            DecodePipeline.Summary summary = new DecodePipeline(List.of(new GeneralBmsProtocol()), new JsonlFormat(),
                    out, false).run(reader, "general-bms-guide.log", null);
            assertEquals(16, summary.messages());
        }
        String expected = new String(resource("general-bms-guide.jsonl"), StandardCharsets.UTF_8);
        assertEquals(expected.lines().toList(), out.toString(StandardCharsets.UTF_8).lines().toList());
    }
}

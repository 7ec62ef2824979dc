package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Which texts {@link JsonlFormat} writes pre-encoded: only those whose Jackson standard quoting is
 * the contract's (docs/SIGNALS.md, "JSON lines": printable ASCII but {@code "} and {@code \}), up to
 * 64 characters, up to 4096 texts; anything else is left to the generator's escapes (null).
 */
class EncodedTextsTest {
    @Test
    void aPlainTextIsEncodedOnceAndServedAgain() {
        EncodedTexts texts = new EncodedTexts();
        SerializedString first = texts.get("pack.voltage");
        assertNotNull(first);
        assertEquals("pack.voltage", first.getValue());
        assertEquals("pack.voltage", new String(first.asQuotedUTF8(), StandardCharsets.UTF_8));
        assertSame(first, texts.get("pack.voltage"));
        assertSame(first, texts.get(new String("pack.voltage"))); // equal, not the same string
    }

    @Test
    void aTextThatNeedsEscapingIsLeftToTheGeneratorEveryTime() {
        EncodedTexts texts = new EncodedTexts();
        for (String s : new String[] {"say \"hi\"", "a\\b", "tab\there", "del\u007F", "caf\u00E9", "\uD83D\uDE00"}) {
            assertNull(texts.get(s), s);
            assertNull(texts.get(s), s); // the second time from the front slot
        }
    }

    @Test
    void longTextsAndTextsBeyondTheLimitAreNotCached() {
        EncodedTexts texts = new EncodedTexts();
        assertNotNull(texts.get("x".repeat(64)));
        assertNull(texts.get("x".repeat(65)));
        int cached = 1;
        while (cached <= 4096 && texts.get("t" + cached) != null) {
            cached++;
        }
        assertEquals(4096, cached, "texts cached, the first included, before one is refused");
        assertNotNull(texts.get("x".repeat(64)), "a text cached before the limit is still served");
    }
}

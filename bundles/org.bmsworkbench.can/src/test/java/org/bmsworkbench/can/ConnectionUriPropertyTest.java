package org.bmsworkbench.can;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.LowerChars;
import net.jqwik.api.constraints.StringLength;

class ConnectionUriPropertyTest {

    /** Anything at all: parse either succeeds or says what is wrong, never another exception. */
    @Property(tries = 3000)
    void arbitraryTextNeverThrowsAnythingButInvalidUri(@ForAll String text) {
        parseOrInvalid(text);
    }

    /** Text made mostly of the characters that matter to the grammar, to reach the deep branches. */
    @Property(tries = 5000)
    void uriLikeTextNeverThrowsAnythingButInvalidUri(
            @ForAll @StringLength(max = 30) @LowerChars @NumericChars @Chars({':', '/', '?', '&', '=', '%', '+', ' ', '.', 'Z', '-'}) String text) {
        parseOrInvalid(text);
    }

    private static void parseOrInvalid(String text) {
        try {
            ConnectionUri uri = ConnectionUri.parse(text);
            assertEquals(uri, ConnectionUri.parse(uri.toString()));
        } catch (InvalidUriException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("an InvalidUriException without a message for '" + text + "'");
            }
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void wellFormedUrisRoundTrip(@ForAll("wellFormed") Parts parts) {
        ConnectionUri uri = ConnectionUri.parse(parts.text());
        assertEquals(parts.scheme(), uri.scheme());
        if (parts.authority() == null) {
            assertNull(uri.authority());
        } else {
            assertEquals(parts.authority(), uri.authority());
        }
        assertEquals(parts.path(), uri.path());
        assertEquals(parts.options(), uri.options());
        assertEquals(List.copyOf(parts.options().keySet()), List.copyOf(uri.options().keySet()), "option order kept");
        assertEquals(uri, ConnectionUri.parse(uri.toString()));
        assertEquals(parts.text(), uri.toString());
    }

    record Parts(String scheme, String authority, String path, Map<String, String> options) {
        String text() {
            String query = options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
            return scheme + ":" + (authority == null ? "" : "//" + authority) + path
                    + (options.isEmpty() ? "" : "?" + query);
        }
    }

    /** The corners (no path, no options, authority with and without path) come up often at random. */
    @Provide
    Arbitrary<Parts> wellFormed() {
        Arbitrary<String> scheme = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('+', '.', '-').ofMaxLength(8))
                .as(String::concat);
        Arbitrary<String> host = Combinators.combine(
                Arbitraries.strings().alpha().numeric().withChars('.', '-').ofMinLength(1).ofMaxLength(12),
                Arbitraries.integers().between(1, 65535))
                .as((h, port) -> h + ":" + port);
        Arbitrary<String> authority = Arbitraries.oneOf(Arbitraries.just(null), host);
        Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars('_', '.', '-')
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> absolutePath = segment.list().ofMaxSize(4)
                .map(segments -> segments.stream().map(s -> "/" + s).collect(Collectors.joining()));
        Arbitrary<String> relativePath = segment.list().ofMinSize(1).ofMaxSize(3)
                .map(segments -> String.join("/", segments));
        Arbitrary<String> value = Arbitraries.strings().alpha().numeric().withChars('.', '-', '_', ',', '/', ':')
                .ofMaxLength(10);
        Arbitrary<Map<String, String>> options = Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), value)
                .ofMaxSize(4).map(LinkedHashMap::new);
        return Combinators.combine(scheme, authority, absolutePath, relativePath, options, Arbitraries.of(true, false))
                .as((s, a, abs, rel, o, useRelative) ->
                        new Parts(s, a, a == null && useRelative ? rel : abs, o));
    }

    @Property(tries = 500)
    void percentEscapesAreDecoded(@ForAll @StringLength(min = 1, max = 12) String raw) {
        String escaped = java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        ConnectionUri uri = ConnectionUri.parse("x:p?v=" + escaped);
        assertEquals(raw, uri.option("v").orElseThrow());
    }
}

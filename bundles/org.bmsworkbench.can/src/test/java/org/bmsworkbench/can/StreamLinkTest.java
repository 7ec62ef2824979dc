package org.bmsworkbench.can;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamLinkTest {

    @Test
    void theUriGivesProtocolAndPollPeriod() {
        StreamLink l = StreamLink.of("ttyUSB0", ConnectionUri.parse("serial:/dev/ttyUSB0?protocol=jbd&poll=250"));
        assertEquals("ttyUSB0", l.port());
        assertEquals("jbd", l.protocol());
        assertEquals(Duration.ofMillis(250), l.pollPeriod());
    }

    @Test
    void withoutOptionsNoProtocolAndOneSecond() {
        StreamLink l = StreamLink.of("COM4", ConnectionUri.parse("serial:COM4"));
        assertNull(l.protocol());
        assertEquals(StreamLink.DEFAULT_POLL_PERIOD, l.pollPeriod());
        assertEquals(Duration.ofSeconds(1), l.pollPeriod());
    }

    @Test
    void pollIsBetween100MillisecondsAndAnHour() {
        assertEquals(Duration.ofMillis(100), StreamLink.of("p", ConnectionUri.parse("serial:p?poll=100")).pollPeriod());
        assertEquals(Duration.ofHours(1), StreamLink.of("p", ConnectionUri.parse("serial:p?poll=3600000")).pollPeriod());
        InvalidUriException low = assertThrows(InvalidUriException.class,
                () -> StreamLink.of("p", ConnectionUri.parse("serial:p?poll=99")));
        assertEquals("'serial:p?poll=99': option poll=99 is outside 100..3600000", low.getMessage());
        assertThrows(InvalidUriException.class, () -> StreamLink.of("p", ConnectionUri.parse("serial:p?poll=3600001")));
        InvalidUriException text = assertThrows(InvalidUriException.class,
                () -> StreamLink.of("p", ConnectionUri.parse("serial:p?poll=fast")));
        assertEquals("'serial:p?poll=fast': option poll=fast is not a whole number", text.getMessage());
    }

    @Test
    void aPeriodMustBePositiveAndPartsPresent() {
        assertThrows(IllegalArgumentException.class, () -> new StreamLink("p", null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new StreamLink("p", null, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> new StreamLink(null, null, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> new StreamLink("p", null, null));
    }

    @Test
    void eachLinkHasItsOwnExchangeLock() {
        assertNotSame(new StreamLink("p", null, Duration.ofSeconds(1)).exchangeLock(),
                new StreamLink("p", null, Duration.ofSeconds(1)).exchangeLock());
    }
}

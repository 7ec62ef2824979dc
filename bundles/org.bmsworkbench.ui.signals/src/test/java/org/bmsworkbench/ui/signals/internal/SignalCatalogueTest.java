package org.bmsworkbench.ui.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.junit.jupiter.api.Test;

class SignalCatalogueTest {

    @Test
    void standardKeysComeFromTheCatalogue() {
        SignalCatalogue c = new SignalCatalogue(List::of);
        assertEquals(StandardSignals.find("pack.voltage").orElseThrow(), c.describe("pack.voltage", 1.0));
    }

    @Test
    void aProtocolsOwnKeysComeFromTheRegistry() {
        SignalDescriptor own = new SignalDescriptor("pylontech.module_count", "", SignalKind.NUMBER, "identity", "Modules", "");
        SignalCatalogue c = new SignalCatalogue(() -> List.of(own));
        assertEquals(own, c.describe("pylontech.module_count", 3L));
    }

    @Test
    void keysNobodyDescribesAreShownUnderTheirPrefixOrOther() {
        SignalCatalogue c = new SignalCatalogue(List::of);
        SignalDescriptor cell = c.describe("cells.voltage.7", 3.3);
        assertEquals("cells", cell.group());
        assertEquals(SignalKind.NUMBER, cell.kind());
        assertEquals("other", c.describe("oem.thing", "x").group());
        assertEquals(SignalKind.TEXT, c.describe("oem.thing", "x").kind());
    }

    @Test
    void everyStandardGroupHasItsPlaceAndLabel() {
        for (SignalDescriptor d : StandardSignals.all()) {
            assertTrue(SignalCatalogue.GROUPS.contains(d.group()), d.group());
        }
        assertEquals("Pack", SignalCatalogue.groupLabel("pack"));
        assertEquals("Oem", SignalCatalogue.groupLabel("oem"));
        assertTrue(SignalCatalogue.groupRank("oem") > SignalCatalogue.groupRank("events"));
        assertTrue(SignalCatalogue.compareKeys("soc", "pack.voltage") < 0);
        assertTrue(SignalCatalogue.compareKeys("pack.voltage", "aaa.unknown") < 0);
    }
}

package org.bmsworkbench.protocol.nmea2000.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The manufacturer codes and device classes of canboat's lookup tables (analyzer/lookup-generated-data.h). */
class ManufacturersTest {
    @Test
    void makersOfBatteryAndMarineNetworks() {
        assertEquals("MG Energy Systems", Manufacturers.name(1160));
        assertEquals("Victron Energy", Manufacturers.name(358));
        assertEquals("Garmin", Manufacturers.name(229));
        assertEquals("Navico", Manufacturers.name(275));
        assertEquals("Simrad", Manufacturers.name(1857));
        assertEquals("B & G", Manufacturers.name(381));
        assertEquals("Lowrance", Manufacturers.name(140));
        assertEquals("Raymarine", Manufacturers.name(1851));
        assertEquals("Maretron", Manufacturers.name(137));
        assertEquals("Airmar", Manufacturers.name(135));
        assertEquals("Furuno", Manufacturers.name(1855));
        assertEquals("Yacht Devices", Manufacturers.name(717));
        assertEquals("Actisense", Manufacturers.name(273));
        assertEquals("Mastervolt", Manufacturers.name(355));
        assertEquals("Xantrex Technology", Manufacturers.name(168));
        assertEquals("Lithionics Battery", Manufacturers.name(1069));
        assertEquals(283, Manufacturers.size(), "the whole table of canboat 01d0dc3");
    }

    @Test
    void unknownCodesHaveNoName() {
        assertNull(Manufacturers.name(0));
        assertNull(Manufacturers.name(2047));
        assertNull(Manufacturers.name(-1));
    }

    @Test
    void classesFunctionsAndRoles() {
        assertEquals("Electrical Generation", DeviceClasses.classLabel(35));
        assertEquals("Battery", DeviceClasses.functionLabel(35, 170));
        assertEquals("Power Converter - Battery Charger", DeviceClasses.functionLabel(35, 160));
        assertEquals("Display", DeviceClasses.functionLabel(120, 130));
        assertNull(DeviceClasses.classLabel(36));
        assertNull(DeviceClasses.functionLabel(35, 171));
        assertEquals("battery", DeviceClasses.role(35, 170));
        assertEquals("charger", DeviceClasses.role(35, 160));
        assertEquals("inverter", DeviceClasses.role(35, 161));
        assertEquals("inverter", DeviceClasses.role(35, 162));
        assertEquals("display", DeviceClasses.role(120, 130));
        assertEquals("gateway", DeviceClasses.role(25, 130));
        assertEquals("monitor", DeviceClasses.role(30, 130));
        assertEquals("navigation", DeviceClasses.role(60, 130));
        assertNull(DeviceClasses.role(36, 0));
        for (int c = 0; c < 128; c++) {
            assertTrue(DeviceClasses.role(c, 130) == null || DeviceClasses.classLabel(c) != null, "class " + c);
        }
    }
}

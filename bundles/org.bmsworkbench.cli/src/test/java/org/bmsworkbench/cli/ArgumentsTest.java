package org.bmsworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private final Arguments.Parser parser = Arguments.parser()
            .option("protocol", "ID")
            .choice("format", "table", "jsonl", "csv")
            .flag("all")
            .flag('y', "yes")
            .option('o', "output", "FILE")
            .option("duration", "S");

    private Arguments parse(String... args) throws UsageException {
        return parser.parse(List.of(args));
    }

    private String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void readsOptionsInEveryForm() throws UsageException {
        Arguments a = parse("--protocol", "sma", "--format=jsonl", "-o", "out.log", "--all", "-y", "x.log");
        assertEquals("sma", a.value("protocol", "auto"));
        assertEquals("jsonl", a.value("format", "table"));
        assertEquals("out.log", a.value("output").orElseThrow());
        assertTrue(a.has("all"));
        assertTrue(a.has("yes"));
        assertEquals(List.of("x.log"), a.positionals());
    }

    @Test
    void shortOptionTakesAnAttachedValue() throws UsageException {
        assertEquals("f.asc", parse("-of.asc").value("output").orElseThrow());
        assertEquals("f.asc", parse("-o=f.asc").value("output").orElseThrow());
    }

    @Test
    void absentOptionsGiveTheDefault() throws UsageException {
        Arguments a = parse("x.log");
        assertEquals("auto", a.value("protocol", "auto"));
        assertFalse(a.has("all"));
        assertTrue(a.value("output").isEmpty());
        assertEquals(List.of(), a.values("protocol"));
    }

    @Test
    void positionalsMayComeAnywhereAndDashIsStandardInput() throws UsageException {
        Arguments a = parse("a", "--all", "-", "b");
        assertEquals(List.of("a", "-", "b"), a.positionals());
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        Arguments a = parse("--all", "--", "--format", "-o");
        assertEquals(List.of("--format", "-o"), a.positionals());
    }

    @Test
    void lastValueWinsAndAllAreKept() throws UsageException {
        Arguments a = parse("--protocol", "sma", "--protocol=vreg");
        assertEquals("vreg", a.value("protocol", null));
        assertEquals(List.of("sma", "vreg"), a.values("protocol"));
    }

    @Test
    void negativeNumbersArePositionalsAndValues() throws UsageException {
        Arguments a = parse("--duration", "-5", "-12.5");
        assertEquals(-5, a.longValue("duration", 0));
        assertEquals(List.of("-12.5"), a.positionals());
    }

    @Test
    void emptyInlineValueIsAValue() throws UsageException {
        assertEquals("", parse("--protocol=").value("protocol").orElseThrow());
    }

    @Test
    void unknownOptionIsNamed() {
        assertEquals("unknown option --foo", error("--foo"));
        assertEquals("unknown option --foo", error("--foo=1"));
        assertEquals("unknown option -x", error("-x"));
        assertEquals("unknown option -xyz", error("-xyz"));
    }

    @Test
    void missingValueIsNamed() {
        assertEquals("--protocol needs a value", error("--protocol"));
        assertEquals("--protocol needs a value", error("--protocol", "--all"));
        assertEquals("-o needs a value", error("x.log", "-o"));
    }

    @Test
    void choiceListsTheAllowedValues() {
        assertEquals("--format: expected one of table, jsonl, csv, got 'xml'", error("--format", "xml"));
        assertEquals("--format: expected one of table, jsonl, csv, got 'xml'", error("--format=xml"));
    }

    @Test
    void flagTakesNoValue() {
        assertEquals("--all takes no value", error("--all=yes"));
    }

    @Test
    void numbersAreChecked() throws UsageException {
        UsageException e = assertThrows(UsageException.class, () -> parse("--duration", "ten").longValue("duration", 0));
        assertEquals("--duration: expected a whole number, got 'ten'", e.getMessage());
        e = assertThrows(UsageException.class, () -> parse("--duration", "x").doubleValue("duration", 0));
        assertEquals("--duration: expected a number, got 'x'", e.getMessage());
        assertEquals(2.5, parse("--duration", "2.5").doubleValue("duration", 0));
    }

    @Test
    void positionalCountIsChecked() throws UsageException {
        assertEquals("missing FILE", assertThrows(UsageException.class,
                () -> parse("--all").requirePositionals("FILE")).getMessage());
        assertEquals("unexpected argument 'b'", assertThrows(UsageException.class,
                () -> parse("a", "b").requirePositionals("FILE")).getMessage());
        assertEquals("missing VALUE", assertThrows(UsageException.class,
                () -> parse("0x0FFF").requirePositionals("REG", "VALUE")).getMessage());
        assertEquals(List.of("a"), parse("a").requirePositionals("FILE"));
        assertEquals(List.of(), parse().requirePositionals());
    }

    @Test
    void declaringAnOptionTwiceIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Arguments.parser().flag("all").flag("all"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.parser().flag('a', "all").flag('a', "any"));
        assertThrows(IllegalArgumentException.class, () -> Arguments.parser().flag("--all"));
    }
}

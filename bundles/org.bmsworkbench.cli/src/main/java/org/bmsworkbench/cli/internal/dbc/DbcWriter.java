package org.bmsworkbench.cli.internal.dbc;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.SignalLayout;

/**
 * Writes frame layouts as a Vector DBC file: one {@code BO_} per frame, one {@code SG_} per
 * signal (little endian, {@code @1}), {@code CM_} comments naming the model keys and
 * {@code VAL_} tables. Plain Java, no OSGi.
 *
 * <p>The text is meant to be written in {@link #CHARSET} (ISO-8859-1, as CANdb++ and most DBC
 * readers expect): the only character outside ASCII we use, {@code °} of {@code °C}, is one
 * byte there.
 */
public final class DbcWriter {
    /** The encoding of a DBC file. */
    public static final Charset CHARSET = StandardCharsets.ISO_8859_1;
    /** The one transmitting node: the BMS. */
    static final String NODE = "BMS";
    private static final String NO_RECEIVER = "Vector__XXX";
    private static final String[] NEW_SYMBOLS = {"NS_DESC_", "CM_", "BA_DEF_", "BA_", "VAL_", "CAT_DEF_", "CAT_",
        "FILTER", "BA_DEF_DEF_", "EV_DATA_", "ENVVAR_DATA_", "SGTYPE_", "SGTYPE_VAL_", "BA_DEF_SGTYPE_", "BA_SGTYPE_",
        "SIG_TYPE_REF_", "VAL_TABLE_", "SIG_GROUP_", "SIG_VALTYPE_", "SIGTYPE_VALTYPE_", "BO_TX_BU_", "BA_DEF_REL_",
        "BA_REL_", "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_", "SG_MUL_VAL_"};

    private DbcWriter() {
    }

    /**
     * The DBC text of {@code frames}.
     *
     * @param comment the file's comment (what protocol, from where)
     * @throws IllegalArgumentException when two frames share an id or two signals of one frame a name
     */
    public static String write(String comment, List<FrameLayout> frames) {
        check(frames);
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("VERSION \"\"\n\n\nNS_ :\n");
        for (String symbol : NEW_SYMBOLS) {
            sb.append('\t').append(symbol).append('\n');
        }
        sb.append("\nBS_:\n\nBU_: ").append(NODE).append("\n\n");
        for (FrameLayout f : frames) {
            sb.append("\nBO_ ").append(dbcId(f)).append(' ').append(f.name()).append(": ").append(f.length())
                    .append(' ').append(NODE).append('\n');
            for (SignalLayout s : f.signals()) {
                sb.append(" SG_ ").append(s.name()).append(" : ").append(s.startBit()).append('|').append(s.length())
                        .append("@1").append(s.signed() ? '-' : '+')
                        .append(" (").append(number(s.factor())).append(',').append(number(s.offset())).append(") [")
                        .append(number(s.min())).append('|').append(number(s.max())).append("] \"")
                        .append(text(s.unit())).append("\" ").append(NO_RECEIVER).append('\n');
            }
        }
        sb.append("\n\nCM_ \"").append(text(comment)).append("\";\n");
        for (FrameLayout f : frames) {
            if (!f.description().isEmpty()) {
                sb.append("CM_ BO_ ").append(dbcId(f)).append(" \"").append(text(f.description())).append("\";\n");
            }
            for (SignalLayout s : f.signals()) {
                sb.append("CM_ SG_ ").append(dbcId(f)).append(' ').append(s.name()).append(" \"")
                        .append(text(s.comment().isEmpty() ? s.key() : s.comment())).append("\";\n");
            }
        }
        for (FrameLayout f : frames) {
            for (SignalLayout s : f.signals()) {
                if (s.valueNames().isEmpty()) {
                    continue;
                }
                sb.append("VAL_ ").append(dbcId(f)).append(' ').append(s.name());
                for (Map.Entry<Long, String> v : new TreeMap<>(s.valueNames()).entrySet()) {
                    sb.append(' ').append(v.getKey()).append(" \"").append(text(v.getValue())).append('"');
                }
                sb.append(" ;\n");
            }
        }
        return sb.toString();
    }

    private static void check(List<FrameLayout> frames) {
        Set<Long> ids = new HashSet<>();
        for (FrameLayout f : frames) {
            if (!ids.add(dbcId(f))) {
                throw new IllegalArgumentException(String.format("two frames with id 0x%X", f.canId()));
            }
            Set<String> names = new HashSet<>();
            for (SignalLayout s : f.signals()) {
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException(f.name() + ": two signals named " + s.name());
                }
            }
        }
    }

    /** The id as DBC writes it: a 29-bit id has bit 31 set. */
    static long dbcId(FrameLayout f) {
        return f.extended() ? 0x8000_0000L | f.canId() : f.canId();
    }

    /** The shortest decimal, without exponent or trailing zeros: 0.1, 1, -273.15, 42949672.94. */
    static String number(double d) {
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    /** Text inside DBC quotes: no quote, backslash or line break. */
    private static String text(String s) {
        return s.replace('"', '\'').replace('\\', '/').replace('\n', ' ').replace('\r', ' ');
    }
}

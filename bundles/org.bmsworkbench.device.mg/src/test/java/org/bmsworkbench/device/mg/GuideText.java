package org.bmsworkbench.device.mg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Comments" cells of communication guide rev. 8, section 1.5.4.2, copied verbatim, and a
 * parser for their "N = Label" lists, so the tables are checked against the guide's own words.
 */
final class GuideText {
    static final String PRODUCT_ID = "MG Master LV general = 0xA390 MG Master LV 150 = 0xA391 MG Master LV 400 = 0xA392"
            + " MG Master LV 600 = 0xA393 MG Master LV 1000 = 0xA394";

    static final String STATUS_FLAGS = "un32 = BMS page BMV flags (bit flags) bit 0 = Charged bit 1 = Almost charged"
            + " bit 2 = Discharged bit 3 = Almost discharged bit 4 = Charging bit 5 = Discharging bit 6 = Balancing in"
            + " progress bit 7 = Main safety contactor closed bit 8 = Main safety contactor closed bit 9 = Not"
            + " implemented bit 10 = Warning over voltage bit 11 = Not implemented bit 12 = Warning under voltage"
            + " bit 13 = Warning high charge current bit 14 = Warning high discharge current bit 15 = Not implemented"
            + " bit 16 = Warning over temperature bit 17 = Warning under temperature charge bit 18 = Not implemented"
            + " bit 19 = Warning under temperature discharge bit 20 = Not implemented bit 21 = Low SOC (< 20%)"
            + " bit 22 = Not implemented bit 23 = Not implemented bit 24 = Not implemented bit 25 = Allowed to charge"
            + " bit 26 = Allowed to discharge";

    static final String BMS_STATE = "un8 =BMS state (Value) 0-8= Initializing 9 = Running 10= Error 11 = Not"
            + " implemented 12 = Shutting down 13 = Updating battery firmware 14 = Standby 15 = Going to running"
            + " state 16 = Pre-charging";

    static final String BMS_ERROR = "un8 = BMS error (Value) 0 = No error, system OK 1 = Not implemented 2 = No"
            + " batteries found 3 = Not implemented 4 = Batteries connected are not the same type 5 = Number of"
            + " batteries connected incorrect 6 = Not implemented 7 = Measure error 8 = Not implemented 9 = Not"
            + " implemented 10 = Not implemented 11 = Not implemented 12 = Watchdog error 13 = Over voltage detected"
            + " 14 = Under voltage detected 15 = Over temperature detected 16 = Under temperature detected 17 = Not"
            + " implemented 18 = Battery protection automatic shutdown 19 = Not implemented 20 = Not implemented 21 ="
            + " Not implemented 22 = Not implemented 23 = BMS slave failure 24 = Not implemented 25 = Pre-charge"
            + " failure 26 = Contactor failure 27 = Reserved 28 = Slave update failure 29 = Slave update unavailable";

    private GuideText() {
    }

    /** "N = Label" (or "N-M= Label") pairs after {@code prefix} ("bit " or ""), in order; ranges expanded. */
    static Map<Integer, String> numbered(String text, String prefix) {
        String body = text.substring(text.indexOf(')') + 1);
        Pattern item = Pattern.compile(Pattern.quote(prefix) + "(\\d+)(?:-(\\d+))?\\s*=\\s*(.+?)(?=\\s+"
                + Pattern.quote(prefix) + "\\d+(?:-\\d+)?\\s*=|$)");
        Matcher m = item.matcher(body.strip());
        Map<Integer, String> rows = new LinkedHashMap<>();
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            for (int n = from; n <= to; n++) {
                rows.put(n, m.group(3).strip());
            }
        }
        return rows;
    }
}

package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;

/**
 * The Transport list of the connect dialog and the chosen transport's whole description, wrapped
 * under it: each item is the scheme and the first part of its description, elided; a transport
 * whose vendor library is missing is marked unavailable with the reason. UI thread only.
 */
final class TransportChoice {
    private final Combo combo;
    private final Label description;
    private final List<String> schemes;
    private final Map<String, String> descriptions;

    /**
     * @param transports description by scheme ({@code Connections.transports()})
     */
    TransportChoice(Combo combo, Label description, Map<String, String> transports) {
        this.combo = combo;
        this.description = description;
        schemes = new ArrayList<>(transports.keySet());
        descriptions = new HashMap<>(transports);
        for (String s : schemes) {
            combo.add(ConnectDialog.elide(s + " — " + summary(transports.get(s))));
        }
    }

    /** The first part of a transport description: up to its URI example in parentheses. */
    static String summary(String description) {
        int paren = description.indexOf(" (");
        return paren > 0 ? description.substring(0, paren) : description;
    }

    /** Selects the transport of {@code scheme}; false (and nothing selected anew) when it is not installed. */
    boolean select(String scheme) {
        if (!schemes.contains(scheme)) {
            return false;
        }
        combo.select(schemes.indexOf(scheme));
        return true;
    }

    /** The chosen scheme, or null. */
    String selectedScheme() {
        int t = combo.getSelectionIndex();
        return t < 0 ? null : schemes.get(t);
    }

    /** The whole text of the chosen item, or null. */
    String selectedText() {
        String scheme = selectedScheme();
        return scheme == null ? null : scheme + " — " + descriptions.get(scheme);
    }

    /** Shows the chosen transport's whole description under the list, and as the list's tooltip. */
    void describe() {
        String scheme = selectedScheme();
        String text = scheme == null ? "" : descriptions.get(scheme);
        // a Label takes '&' for a mnemonic: the URI's "&mode=" must show as typed
        description.setText(text == null ? "" : text.replace("&", "&&"));
        combo.setToolTipText(scheme == null ? null : scheme + " — " + text);
    }

    /** Marks the transports that cannot work on this machine with the reason, which says what to install. */
    void markUnavailable(Map<String, String> reasons) {
        reasons.forEach((scheme, why) -> {
            int i = schemes.indexOf(scheme);
            if (i >= 0) {
                descriptions.put(scheme, descriptions.get(scheme) + " — unavailable on this machine: " + why);
                combo.setItem(i, ConnectDialog.elide(scheme + " — unavailable: " + why));
            }
        });
    }
}

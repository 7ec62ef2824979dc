package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.eclipse.swt.widgets.Combo;

/**
 * The Adapter list of the connect dialog: the adapters found on this machine, searched on the
 * worker and shown through the UI executor, each item elided (the whole text is the list's
 * tooltip). Its methods other than the search itself run on the UI thread.
 */
final class AdapterChoice {
    private final Combo combo;
    private final List<DiscoveredAdapter> adapters = new ArrayList<>();
    private final Supplier<List<DiscoveredAdapter>> discover;
    private final Executor worker;
    private final Executor ui;

    /**
     * @param discover finds adapters; run on {@code worker}, the result shown through {@code ui}
     */
    AdapterChoice(Combo combo, Supplier<List<DiscoveredAdapter>> discover, Executor worker, Executor ui) {
        this.combo = combo;
        this.discover = discover;
        this.worker = worker;
        this.ui = ui;
    }

    private void searching() {
        combo.removeAll();
        combo.add("searching…");
        combo.select(0);
        combo.setEnabled(false);
    }

    /** Empties the list and searches again, off the UI thread. */
    void search() {
        searching();
        worker.execute(() -> {
            List<DiscoveredAdapter> found;
            try {
                found = discover.get();
            } catch (RuntimeException e) {
                found = List.of();
            }
            List<DiscoveredAdapter> result = found;
            ui.execute(() -> show(result));
        });
    }

    private void show(List<DiscoveredAdapter> found) {
        if (combo.isDisposed()) {
            return;
        }
        adapters.clear();
        adapters.addAll(found);
        combo.removeAll();
        if (found.isEmpty()) {
            combo.add("no adapter found — type a URI below");
            combo.select(0);
            combo.setEnabled(false);
            return;
        }
        combo.add("(choose an adapter)");
        for (DiscoveredAdapter a : found) {
            combo.add(ConnectDialog.elide(text(a)));
        }
        combo.select(0);
        combo.setEnabled(true);
    }

    /** The adapter chosen in the list, or null (none found, or none chosen yet). */
    DiscoveredAdapter selected() {
        int i = combo.getSelectionIndex() - 1;
        return i < 0 || i >= adapters.size() ? null : adapters.get(i);
    }

    /** The whole text of the chosen adapter, or null. */
    String selectedText() {
        DiscoveredAdapter a = selected();
        return a == null ? null : text(a);
    }

    private static String text(DiscoveredAdapter a) {
        String what = a.isKnownCanAdapter() ? a.knownAdapter() : a.description();
        return a.scheme() + "  " + a.name() + (what.isEmpty() ? "" : "  —  " + what)
                + (a.usbIds().isEmpty() ? "" : "  [" + a.usbIds() + "]");
    }
}

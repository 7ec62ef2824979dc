package org.bmsworkbench.ui.internal;

import java.util.List;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Connection → Adapters: what every installed transport finds on this machine (searched off the
 * UI thread), and the transports installed. Double-click an adapter to connect to it.
 */
final class AdaptersDialog {
    private AdaptersDialog() {
    }

    static Shell open(Shell parent, WorkbenchWindow window) {
        Shell shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE);
        shell.setText("Adapters");
        shell.setLayout(new GridLayout(1, false));
        Label transports = new Label(shell, SWT.WRAP);
        StringBuilder t = new StringBuilder("Installed transports:");
        window.services().connections().transports().forEach((s, d) -> t.append("\n  ").append(s).append(":  ").append(d));
        transports.setText(t.toString());
        Table table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 220;
        td.widthHint = 640;
        table.setLayoutData(td);
        for (String h : new String[] {"URI", "Name", "Adapter", "USB id"}) {
            new TableColumn(table, SWT.LEFT).setText(h);
        }
        new TableItem(table, SWT.NONE).setText(0, "searching…");
        window.worker().execute(() -> {
            List<DiscoveredAdapter> found = window.services().connections().discoverAdapters();
            java.util.Map<String, String> unavailable = window.services().connections().unavailableTransports();
            window.ui().execute(() -> {
                if (table.isDisposed()) {
                    return;
                }
                table.removeAll();
                for (DiscoveredAdapter a : found) {
                    new TableItem(table, SWT.NONE).setText(new String[] {a.uri(), a.name(),
                        a.isKnownCanAdapter() ? a.knownAdapter() : a.description(), a.usbIds()});
                }
                if (found.isEmpty()) {
                    new TableItem(table, SWT.NONE).setText(0, "no adapter found");
                }
                unavailable.forEach((scheme, why) -> new TableItem(table, SWT.NONE)
                        .setText(new String[] {scheme + ": unavailable", "", why, ""}));
                for (TableColumn c : table.getColumns()) {
                    c.pack();
                }
            });
        });
        table.addListener(SWT.DefaultSelection, e -> {
            String uri = table.getSelection().length == 1 ? table.getSelection()[0].getText(0) : "";
            if (uri.contains(":")) {
                String problem = window.connect(uri, "auto");
                if (problem == null) {
                    shell.close();
                } else {
                    window.showStatus(problem);
                }
            }
        });
        Button close = new Button(shell, SWT.PUSH);
        close.setText("Close");
        close.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        close.addListener(SWT.Selection, e -> shell.close());
        shell.pack();
        shell.open();
        return shell;
    }
}

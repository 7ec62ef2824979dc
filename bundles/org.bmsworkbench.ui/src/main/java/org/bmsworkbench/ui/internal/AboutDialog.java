package org.bmsworkbench.ui.internal;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Help → About: the product, the Java it runs on, and every installed bundle with its version and state. */
final class AboutDialog {
    private AboutDialog() {
    }

    static Shell open(Shell parent, String version, List<String[]> bundles) {
        Shell shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        shell.setText("About BMS Workbench");
        shell.setData("name", "about");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 14;
        layout.marginHeight = 14;
        shell.setLayout(layout);
        Label title = new Label(shell, SWT.NONE);
        title.setText("BMS Workbench " + version);
        title.setFont(Fonts.derived(title, 1.5, SWT.BOLD));
        Label text = new Label(shell, SWT.WRAP);
        text.setText("An open diagnostic workbench for lithium battery management systems on CAN bus.\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", SWT "
                + org.eclipse.swt.SWT.getVersion() + " (" + SWT.getPlatform() + ")");
        Table table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setData("name", "bundles");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 320;
        td.widthHint = 560;
        table.setLayoutData(td);
        for (String h : new String[] {"Bundle", "Version", "State"}) {
            new TableColumn(table, SWT.LEFT).setText(h);
        }
        for (String[] b : bundles) {
            new TableItem(table, SWT.NONE).setText(b);
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        Button close = new Button(shell, SWT.PUSH);
        close.setText("Close");
        close.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        close.addListener(SWT.Selection, e -> shell.close());
        shell.setDefaultButton(close);
        shell.pack();
        shell.open();
        return shell;
    }
}

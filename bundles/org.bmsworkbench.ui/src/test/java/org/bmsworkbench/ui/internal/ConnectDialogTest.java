package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectDialogTest {
    @TempDir
    Path userDir;
    private final FakeServices fakes = new FakeServices();
    private WorkbenchWindow window;

    private ConnectDialog openDialog() {
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        return window.openConnectDialog();
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
            Swt.drain();
        }
    }

    @Test
    void aUriThatCannotBeUsedIsExplainedInTheDialogWhichStaysOpen() {
        ConnectDialog dialog = openDialog();
        Shell shell = dialog.shell();
        Text uri = Swt.find(shell, "uri");
        uri.setText("loop:bench?bitrate=12");
        click(Swt.find(shell, "connect"));
        assertFalse(shell.isDisposed(), "the dialog stays open");
        String error = Swt.<Label>find(shell, "error").getText();
        assertTrue(error.contains("bitrate=12 is outside 10000..1000000"), error);

        uri.setText("");
        click(Swt.find(shell, "connect"));
        assertTrue(Swt.<Label>find(shell, "error").getText().startsWith("Type a connection URI"));

        uri.setText("loop:bench");
        Combo bitRate = Swt.find(shell, "bitrate");
        bitRate.select(3);
        bitRate.notifyListeners(SWT.Selection, null);
        assertEquals("loop:bench?bitrate=500000", uri.getText());
        click(Swt.find(shell, "connect"));
        assertTrue(shell.isDisposed(), "a good URI connects and closes the dialog");
        assertEquals("loop:bench?bitrate=500000", window.session().uri());
    }

    @Test
    void adaptersAreFoundOffTheUiThreadAndChoosingOneFillsTheUri() {
        fakes.adapters = List.of(new DiscoveredAdapter("loop", "loop:/dev/ttyACM0", "/dev/ttyACM0",
                "CANable2 b158aa7", 0x16d0, 0x117e, "CANable (slcan)"));
        ConnectDialog dialog = openDialog();
        Combo adapter = Swt.find(dialog.shell(), "adapter");
        Swt.waitUntil("the adapters to be listed", () -> adapter.getItemCount() == 2);
        assertTrue(adapter.getItem(1).contains("/dev/ttyACM0") && adapter.getItem(1).contains("CANable (slcan)")
                && adapter.getItem(1).contains("16d0:117e"), adapter.getItem(1));
        adapter.select(1);
        adapter.notifyListeners(SWT.Selection, null);
        assertEquals("loop:/dev/ttyACM0", Swt.<Text>find(dialog.shell(), "uri").getText());
        assertTrue(Swt.<Combo>find(dialog.shell(), "transport").getText().startsWith("loop"));
    }

    @Test
    void theRecentConnectionsAreOfferedMostRecentFirst() {
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.connect("fake:one", "sma");
        window.connect("fake:two", "auto");
        ConnectDialog dialog = window.openConnectDialog();
        Combo recent = Swt.find(dialog.shell(), "recent");
        assertEquals(List.of("fake:two", "fake:one   (sma)"), List.of(recent.getItems()));
        assertEquals("fake:two", Swt.<Text>find(dialog.shell(), "uri").getText());
        recent.select(1);
        recent.notifyListeners(SWT.Selection, null);
        assertEquals("fake:one", Swt.<Text>find(dialog.shell(), "uri").getText());
        click(Swt.find(dialog.shell(), "connect"));
        assertEquals("fake:one", window.session().uri());
        assertEquals("sma", window.session().bms().requestedProtocol(), "the remembered protocol is used again");
    }

    @Test
    void choosingSlcanTypingThePortAndABitRateOpensExactlyThatUriInTheWindow() {
        ConnectDialog dialog = openDialog();
        Shell shell = dialog.shell();
        Combo transport = Swt.find(shell, "transport");
        int slcan = List.of(transport.getItems()).indexOf("slcan — a serial-line CAN adapter");
        transport.select(slcan);
        transport.notifyListeners(SWT.Selection, null);
        Text uri = Swt.find(shell, "uri");
        assertEquals("slcan:", uri.getText(), "choosing the transport starts the URI");
        uri.setText(uri.getText() + "/dev/ttyACM0"); // the user types the port
        Combo bitRate = Swt.find(shell, "bitrate");
        bitRate.select(List.of(ConnectDialog.BIT_RATES).indexOf("250000"));
        bitRate.notifyListeners(SWT.Selection, null);
        assertEquals("slcan:/dev/ttyACM0?bitrate=250000", uri.getText());
        click(Swt.find(shell, "connect"));
        assertTrue(shell.isDisposed(), "connected: the dialog closed");
        assertEquals("slcan:/dev/ttyACM0?bitrate=250000", window.session().uri(), "the window shows the URI the dialog made");
        assertEquals(List.of("slcan:/dev/ttyACM0?bitrate=250000"), List.copyOf(fakes.opened.keySet()), "and opened only that");
        assertEquals("auto", window.session().bms().requestedProtocol());
        assertEquals(WorkbenchWindow.TITLE + " — slcan:/dev/ttyACM0?bitrate=250000", window.shell().getText());
    }

    private static void click(Button b) {
        b.notifyListeners(SWT.Selection, null);
    }
}

package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
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
    void aTransportWhoseVendorLibraryIsMissingSaysSoAndWhatToInstall() {
        fakes.unavailable = Map.of("loop", "libloop.so is not installed: install the loop driver");
        ConnectDialog dialog = openDialog();
        Combo transport = Swt.find(dialog.shell(), "transport");
        int index = java.util.stream.IntStream.range(0, transport.getItemCount())
                .filter(i -> transport.getItem(i).startsWith("loop")).findFirst().orElseThrow();
        Swt.waitUntil("the loop transport marked unavailable", () -> transport.getItem(index).startsWith("loop — unavailable:"));
        transport.select(index);
        transport.notifyListeners(SWT.Selection, null);
        String text = Swt.<Label>find(dialog.shell(), "transport.description").getText();
        assertTrue(text.endsWith("unavailable on this machine: libloop.so is not installed: install the loop driver"), text);
        assertTrue(transport.getItem(0).startsWith("fake — a fake bus"), transport.getItem(0));
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
    void aRecentConnectionsBitRateIsShownInTheBitRateList() {
        window = new WorkbenchWindow(Swt.display(), fakes.services(userDir));
        window.open();
        window.connect("slcan:/dev/ttyACM0?bitrate=250000&mode=listen-only", "auto");
        window.connect("loop:bench?bitrate=83333", "auto");
        window.connect("fake:two", "auto");
        ConnectDialog dialog = window.openConnectDialog();
        Combo recent = Swt.find(dialog.shell(), "recent");
        Combo bitRate = Swt.find(dialog.shell(), "bitrate");
        assertEquals("transport default", bitRate.getText());
        recent.select(2);
        recent.notifyListeners(SWT.Selection, null);
        assertEquals("250000", bitRate.getText());
        recent.select(1);
        recent.notifyListeners(SWT.Selection, null);
        assertEquals("83333", bitRate.getText(), "a rate not in the list is shown as typed");
        assertEquals("loop:bench?bitrate=83333", Swt.<Text>find(dialog.shell(), "uri").getText());
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

    /**
     * Issue 12: on a 1280×800 screen the transport description ran off the right edge and took the
     * Connect button with it. With the product's own descriptions (the longest, SLCAN's, as
     * SlcanTransport gives it) and a long adapter name, the dialog and its Connect button lie
     * within 1280×800, the list shows the description's first part, and the whole of it wraps below.
     */
    @Test
    void theDialogAndItsConnectButtonFitA1280By800Screen() throws Exception {
        Map<String, String> product = new TreeMap<>();
        product.put("loop", "Virtual loopback CAN bus in this JVM, like Linux vcan (loop:NAME?bitrate=500000&echo=false)");
        product.put("replay", "Replay of a candump -L, candump or ASC log as a live bus (replay:PATH?speed=1|10|max&loop=false)");
        product.put("sim", "Simulated MG Master LV (sim:?protocol=general-bms|sma|nmea2000&scenario=normal&speed=1&seed=1...)");
        product.put("slcan", "SLCAN serial adapters: CANable, CANtact, USBtin, Lawicel CANUSB and clones"
                + " (slcan:PORT?bitrate=500000&mode=normal|listen-only&timestamps=off|on&baud=115200)");
        product.put("snapshot", "The frames of a system snapshot played as a live bus (snapshot:PATH.zip?speed=max&loop=false)");
        product.put("socketcand", "socketcand server over TCP, raw mode (socketcand://HOST:29536/can0?bitrate=N)");
        fakes.transports = product;
        fakes.adapters = List.of(new DiscoveredAdapter("slcan", "slcan:/dev/serial/by-id/usb-CANable_2.0_b158aa7-if00",
                "/dev/serial/by-id/usb-CANable_2.0_b158aa7-if00", "CANable 2.0 with a very long USB product string from its maker",
                0x16d0, 0x117e, "CANable (slcan)"));
        ConnectDialog dialog = openDialog();
        Shell shell = dialog.shell();
        Combo adapter = Swt.find(shell, "adapter");
        Swt.waitUntil("the adapters to be listed", () -> adapter.getItemCount() == 2);
        Combo transport = Swt.find(shell, "transport");
        transport.select(List.copyOf(product.keySet()).indexOf("slcan"));
        transport.notifyListeners(SWT.Selection, null);
        adapter.select(1);
        adapter.notifyListeners(SWT.Selection, null);

        Rectangle screen = new Rectangle(0, 0, 1280, 800);
        dialog.fitTo(screen);
        Swt.drain();
        Rectangle bounds = shell.getBounds();
        assertTrue(screen.contains(bounds.x, bounds.y) && bounds.x + bounds.width <= 1280 && bounds.y + bounds.height <= 800,
                "the dialog " + bounds + " lies within 1280×800");
        assertTrue(bounds.width <= ConnectDialog.MAX_WIDTH, "at most " + ConnectDialog.MAX_WIDTH + " wide: " + bounds);
        Button connect = Swt.find(shell, "connect");
        Rectangle client = shell.getClientArea();
        Rectangle button = Swt.display().map(connect.getParent(), shell, connect.getBounds());
        assertTrue(client.contains(button.x, button.y) && button.x + button.width <= client.width
                && button.y + button.height <= client.height, "Connect " + button + " inside the dialog's " + client);
        Rectangle onScreen = Swt.display().map(connect.getParent(), null, connect.getBounds());
        assertTrue(onScreen.x + onScreen.width <= 1280 && onScreen.y + onScreen.height <= 800, "Connect on screen: " + onScreen);
        for (String name : new String[] {"transport", "adapter", "uri", "transport.description"}) {
            Control c = Swt.find(shell, name);
            Rectangle r = Swt.display().map(c.getParent(), shell, c.getBounds());
            assertTrue(r.x + r.width <= client.width, name + " " + r + " ends inside the dialog's " + client);
        }

        assertEquals("slcan — SLCAN serial adapters: CANable, CANtact, USBtin…",
                transport.getItem(transport.getSelectionIndex()), "the list shows the first part, elided");
        Label description = Swt.find(shell, "transport.description");
        assertEquals(product.get("slcan").replace("&", "&&"), description.getText(),
                "the whole description below the list, its '&' shown as typed (not taken for a mnemonic)");
        int lineHeight = description.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
        assertTrue(description.getSize().y >= 2 * lineHeight - 2, "it wraps: " + description.getSize() + ", one line " + lineHeight);
        assertEquals("slcan — " + product.get("slcan"), transport.getToolTipText());
        assertEquals("slcan  /dev/serial/by-id/usb-CANable_2.0_b158aa7-if00…", adapter.getItem(1), "elided at a word");
        assertTrue(adapter.getToolTipText().endsWith("[16d0:117e]"), "the whole adapter as tooltip: " + adapter.getToolTipText());
        assertEquals("slcan:/dev/serial/by-id/usb-CANable_2.0_b158aa7-if00", Swt.<Text>find(shell, "uri").getText());
        Swt.screenshot(shell, "connect-dialog-1280x800.png");
    }

    private static void click(Button b) {
        b.notifyListeners(SWT.Selection, null);
    }
}

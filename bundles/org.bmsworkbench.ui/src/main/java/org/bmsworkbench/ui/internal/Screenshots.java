package org.bmsworkbench.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what the screen shows of a window as a PNG (for bug reports, the README and the tests). */
final class Screenshots {
    private Screenshots() {
    }

    static void save(Shell shell, Path file) throws IOException {
        drawPending(shell);
        copy(shell, area(shell), file);
    }

    /**
     * The window and the dialogs open over it (a wizard, a message box): the smallest rectangle
     * holding them all, as the screen shows it.
     */
    static void saveWithDialogs(Shell shell, Path file) throws IOException {
        drawPending(shell);
        Rectangle b = area(shell);
        for (Shell dialog : shell.getShells()) {
            if (dialog.isVisible()) {
                b = b.union(dialog.getBounds());
            }
        }
        Rectangle screen = shell.getDisplay().getBounds();
        copy(shell, b.intersection(screen), file);
    }

    private static void drawPending(Shell shell) {
        // let everything pending be drawn first
        for (Shell s : shell.getShells()) {
            s.redraw();
            s.update();
        }
        shell.redraw();
        shell.update();
        while (shell.getDisplay().readAndDispatch()) {
            // drawing
        }
    }

    /** The client area and the menu bar: the decorations belong to the window manager. */
    private static Rectangle area(Shell shell) {
        Rectangle area = shell.getClientArea();
        org.eclipse.swt.graphics.Point origin = shell.toDisplay(0, 0);
        int top = Math.min(origin.y, shell.getBounds().y); // the menu bar sits above the client area on GTK
        return new Rectangle(origin.x, top, area.width, origin.y - top + area.height);
    }

    private static void copy(Shell shell, Rectangle b, Path file) throws IOException {
        Image image = new Image(shell.getDisplay(), b.width, b.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, b.x, b.y);
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}

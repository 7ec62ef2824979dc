package org.bmsworkbench.ui.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** A view that records what the window does with it. */
final class RecordingView implements WorkbenchView {
    final List<String> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile Thread createdOn;
    volatile Composite parent;
    volatile boolean disposed;
    volatile WorkbenchContext context;

    @Override
    public ViewPart createPart(Composite p, WorkbenchContext c) {
        createdOn = Thread.currentThread();
        parent = p;
        context = c;
        new Label(p, SWT.NONE).setText("a recording view");
        return new ViewPart() {
            @Override
            public void refresh() {
                refreshes.incrementAndGet();
            }

            @Override
            public void sessionChanged(WorkbenchSession session) {
                sessions.add(session == null ? "none" : session.uri());
            }

            @Override
            public void dispose() {
                disposed = true;
            }
        };
    }
}

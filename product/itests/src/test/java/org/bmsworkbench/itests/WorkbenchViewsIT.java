package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchSession;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The real window (the product's {@code gui} command, on the simulator) tracks real
 * {@link WorkbenchView} services: a view registered while it runs gets a tab, created on the UI
 * thread, refreshed while showing, told of the session; unregistered, its part is disposed, its
 * tab closed, and nothing keeps the service object reachable. Closing the window ends the
 * command with status 0.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class WorkbenchViewsIT {
    @Inject
    private BundleContext context;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() throws Exception {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(frameworkProperty("bmswb.user.dir").value(Files.createTempDirectory("bmswb-views-it").toString()));
        options.addAll(ProductBundles.provision(n -> !n.startsWith("org.apache.felix.fileinstall")));
        return options(options.toArray(new Option[0]));
    }

    /** A view that counts what the window does with it. */
    static final class ProbeView implements WorkbenchView {
        final AtomicReference<Thread> createdOn = new AtomicReference<>();
        final AtomicReference<Composite> parent = new AtomicReference<>();
        final AtomicReference<WorkbenchSession> session = new AtomicReference<>();
        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicBoolean disposed = new AtomicBoolean();

        @Override
        public ViewPart createPart(Composite p, WorkbenchContext c) {
            createdOn.set(Thread.currentThread());
            parent.set(p);
            new Label(p, SWT.NONE).setText("probe");
            return new ViewPart() {
                @Override
                public void refresh() {
                    refreshes.incrementAndGet();
                }

                @Override
                public void sessionChanged(WorkbenchSession s) {
                    session.set(s);
                }

                @Override
                public void dispose() {
                    disposed.set(true);
                }
            };
        }
    }

    @Test
    public void aViewServiceRegisteredWhileTheWindowRunsGetsATabAndLeavesNothingBehind() throws Exception {
        assumeTrue("no display: DISPLAY is not set", System.getenv("DISPLAY") != null);
        ServiceReference<?>[] refs = context.getServiceReferences(Command.class.getName(), "(command.name=gui)");
        assertNotNull("the gui command is registered", refs);
        Command gui = (Command) context.getService(refs[0]);
        AtomicInteger status = new AtomicInteger(-1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread uiThread = new Thread(() -> {
            try {
                CommandContext c = new CommandContext(new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), Path.of("."));
                status.set(CommandRunner.run("gui", gui.commandLine(c), List.of("--connect", "sim:"), c, false));
            } catch (Exception e) {
                e.printStackTrace(new PrintStream(err));
                status.set(99);
            }
        }, "bmswb-main");
        uiThread.start();

        CTabFolder[] folderOut = new CTabFolder[1];
        WeakReference<ProbeView> gone = registerShowAndRemoveProbe(folderOut, uiThread);
        CTabFolder folder = folderOut[0];
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.findDisplay(uiThread);
        display.asyncExec(() -> { }); // no task of the window may hold on to the view either
        InFramework.await("the unregistered view object to be garbage collected", () -> {
            System.gc();
            return gone.get() == null;
        });

        display.asyncExec(() -> folder.getShell().close());
        uiThread.join(10_000);
        assertEquals(err.toString(), 0, status.get());
        assertTrue(Files.isRegularFile(Path.of(context.getProperty("bmswb.user.dir"), "ui", "workbench.properties")));
    }

    private WeakReference<ProbeView> registerShowAndRemoveProbe(CTabFolder[] folderOut, Thread uiThread) throws Exception {
        ProbeView probe = new ProbeView();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("view.id", "probe");
        props.put("view.label", "Probe");
        props.put("view.order", 5);
        ServiceRegistration<WorkbenchView> registration = context.registerService(WorkbenchView.class, probe, props);
        InFramework.await("the probe view's part", () -> probe.createdOn.get() != null);
        assertEquals("createPart runs on the window's thread", "bmswb-main", probe.createdOn.get().getName());
        InFramework.await("the probe view to be told of the sim: session", () -> probe.session.get() != null);
        WorkbenchSession session = probe.session.get();
        assertEquals("sim:", session.uri());
        InFramework.await("the simulator's values in the model", () -> session.model().get("pack.voltage").isPresent());

        // the probe's tab sits after the overview; select it, and the one UI timer refreshes it
        Composite holder = probe.parent.get();
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.findDisplay(uiThread);
        AtomicReference<CTabFolder> folderRef = new AtomicReference<>();
        AtomicInteger tabsWithProbe = new AtomicInteger();
        display.asyncExec(() -> {
            CTabFolder f = (CTabFolder) holder.getParent();
            tabsWithProbe.set(f.getItemCount());
            folderRef.set(f);
            for (CTabItem item : f.getItems()) {
                if (item.getControl() == holder) {
                    f.setSelection(item);
                    f.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                }
            }
        });
        InFramework.await("refreshes of the showing probe view", () -> probe.refreshes.get() >= 5);
        CTabFolder folder = folderRef.get();

        registration.unregister();
        InFramework.await("the probe's part to be disposed", probe.disposed::get);
        AtomicBoolean holderGone = new AtomicBoolean();
        AtomicInteger tabs = new AtomicInteger();
        AtomicBoolean probeTabLeft = new AtomicBoolean();
        display.asyncExec(() -> {
            holderGone.set(holder.isDisposed());
            tabs.set(folder.getItemCount());
            for (CTabItem item : folder.getItems()) {
                probeTabLeft.compareAndSet(false, "Probe".equals(item.getText()));
            }
        });
        InFramework.await("the tab's controls disposed", holderGone::get);
        assertEquals("every tab but the probe's is left", tabsWithProbe.get() - 1, tabs.get());
        assertFalse("no tab is labelled Probe any more", probeTabLeft.get());

        folderOut[0] = folder;
        return new WeakReference<>(probe);
    }
}

package org.bmsworkbench.ui.frames.internal;

import org.bmsworkbench.ui.View;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The Frames view: every raw frame of the session, with its decoded message, as fast as the bus goes. */
@Component(name = "org.bmsworkbench.ui.frames", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "frames", label = "Frames", order = 50)
public final class FramesView implements WorkbenchView {

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new FramesPart(parent, context, FramesPart.DEFAULT_CAPACITY);
    }
}

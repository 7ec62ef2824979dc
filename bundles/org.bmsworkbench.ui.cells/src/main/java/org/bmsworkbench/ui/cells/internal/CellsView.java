package org.bmsworkbench.ui.cells.internal;

import java.time.Instant;
import org.bmsworkbench.ui.View;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The Cells view: every cell's voltage as a bar chart with the lowest, highest, mean and spread,
 * balancing cells marked, and the temperature sensors beside it — for any BMS that reports
 * {@code cell.<n>.voltage} (JBD, Daly, an OEM protocol with the same keys).
 */
@Component(name = "org.bmsworkbench.ui.cells", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "cells", label = "Cells", order = 25)
public final class CellsView implements WorkbenchView {

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new CellsPart(parent, context, CellsView::nowMicros);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

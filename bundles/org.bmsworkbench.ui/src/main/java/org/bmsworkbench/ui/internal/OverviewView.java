package org.bmsworkbench.ui.internal;

import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.ui.View;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The first tab: who the BMS is, what state it is in, and its state of charge, voltage, current
 * and temperature at a glance. The device profile (state and error words) is optional: without
 * one the codes are shown as numbers. The register access is optional too: with it, the identity
 * registers a BMS sends only when asked (VREG product, firmware, capacity...) can be asked for with
 * the view's button, once per connection and again after each reconnect; never by the view itself.
 */
@Component(name = "org.bmsworkbench.ui.overview", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "overview", label = "Overview", order = 0)
public final class OverviewView implements WorkbenchView {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceProfile profile;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RegisterAccess access;

    public OverviewView() {
    }

    /** Without a framework (tests). */
    OverviewView(DeviceProfile profile) {
        this(profile, null);
    }

    /** Without a framework (tests). */
    OverviewView(DeviceProfile profile, RegisterAccess access) {
        this.profile = profile;
        this.access = access;
    }

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new OverviewPart(parent, () -> profile, () -> access, context.uiExecutor());
    }
}

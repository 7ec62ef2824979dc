package org.bmsworkbench.ui.alarms.internal;

import java.time.Instant;
import java.time.ZoneId;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.lockout.FetSwitching;
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
 * The Alarms view: active alarms and warnings, their history, the preventive shutdown, what
 * each means, and a Safety lock banner from the device profile's assessment of
 * {@code bms.state} and {@code bms.error} (without a profile: an error-state banner only), and the
 * lockout of a cell-level BMS with its guarded "Switch MOSFETs…" action (through the lockout
 * service's {@link FetSwitching}, optional).
 */
@Component(name = "org.bmsworkbench.ui.alarms", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "alarms", label = "Alarms", order = 30)
public final class AlarmsView implements WorkbenchView {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DeviceProfile profile;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FetSwitching switching;

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new AlarmsPart(parent, context, () -> profile, () -> switching, AlarmsView::nowMicros,
                ZoneId.systemDefault());
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

package org.bmsworkbench.ui.signals.internal;

import java.time.Instant;
import java.util.List;
import org.bmsworkbench.bms.ProtocolRegistry;
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
 * The Signals view: every key of the BMS model, grouped, with value, unit, age and
 * staleness, and trend plots of the ticked ones. Uses the protocol registry (for keys a
 * protocol adds to the standard catalogue) and the device profile (for the meaning of state,
 * error and flag codes) when they are there; works without either.
 */
@Component(name = "org.bmsworkbench.ui.signals", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "signals", label = "Signals", order = 20)
public final class SignalsView implements WorkbenchView {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile DeviceProfile profile;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ProtocolRegistry protocols;

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        SignalCatalogue catalogue = new SignalCatalogue(() -> {
            ProtocolRegistry r = protocols;
            return r == null ? List.of() : r.signals();
        });
        return new SignalsPart(parent, context, catalogue, () -> profile, SignalsView::nowMicros);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

package org.bmsworkbench.ui.network.internal;

import java.time.Instant;
import org.bmsworkbench.bms.network.BusNetworks;
import org.bmsworkbench.bms.network.BusPresence;
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
 * The Network view: the devices on the session's bus and the batteries they report, from the
 * {@link BusNetworks} service, with the BMS the session follows marked and chosen. Without the
 * service the tab stays and says the network table is not available.
 */
@Component(name = "org.bmsworkbench.ui.network", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "network", label = "Network", order = 45)
public final class NetworkView implements WorkbenchView {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BusNetworks networks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BusPresence presence;

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new NetworkPart(parent, context, () -> networks, () -> presence, NetworkView::nowMicros);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

package org.bmsworkbench.ui.registers.internal;

import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.ui.View;
import org.bmsworkbench.ui.ViewPart;
import org.bmsworkbench.ui.WorkbenchContext;
import org.bmsworkbench.ui.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The Registers view: the device's register catalogue with values, reads and confirmed writes.
 * Present while a {@link RegisterAccess} (the VREG bundle) is installed.
 */
@Component(name = "org.bmsworkbench.ui.registers", service = WorkbenchView.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@View(id = "registers", label = "Registers", order = 40)
public final class RegistersView implements WorkbenchView {
    private final RegisterAccess access;

    @Activate
    public RegistersView(@Reference RegisterAccess access) {
        this.access = access;
    }

    @Override
    public ViewPart createPart(Composite parent, WorkbenchContext context) {
        return new RegistersPart(parent, context, access);
    }
}

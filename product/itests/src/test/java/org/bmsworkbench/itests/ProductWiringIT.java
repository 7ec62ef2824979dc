package org.bmsworkbench.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.registers.RegisterAccess;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Every bundle the product ships resolves and starts, and every one of our components is satisfied. */
@RunWith(PaxExam.class)
public class ProductWiringIT {
    @Inject
    private BundleContext context;
    @Inject
    private ServiceComponentRuntime scr;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.addAll(ProductBundles.provision(n -> n.endsWith(".jar")));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void theVregProtocolAndItsRegisterAccessAreServices() throws Exception {
        ServiceTracker<RegisterAccess, RegisterAccess> tracker = new ServiceTracker<>(context, RegisterAccess.class, null);
        tracker.open();
        try {
            RegisterAccess access = tracker.waitForService(10_000);
            assertNotNull("a RegisterAccess service", access);
            assertEquals(RequestOptions.DEFAULT, access.defaults());
            assertTrue("0x0374 is a writable setting", access.catalogue().find(0x0374).orElseThrow().writable());
        } finally {
            tracker.close();
        }
        assertEquals(1, context.getServiceReferences(BmsProtocol.class, "(protocol.id=vreg)").size());
    }

    @Test
    public void everyProductBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        int ours = 0;
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getSymbolicName().startsWith("org.bmsworkbench.")) {
                ours++;
            }
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);
        assertTrue("the product's own bundles are installed (" + ours + ")", ours >= 5);
    }

    @Test
    public void everyComponentOfOursIsSatisfied() {
        List<String> unsatisfied = new ArrayList<>();
        int components = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith("org.bmsworkbench.")) {
                continue;
            }
            components++;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    StringBuilder why = new StringBuilder(d.name + " state " + c.state);
                    for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                        why.append(" missing ").append(r.name);
                    }
                    if (c.failure != null) {
                        why.append(" failure ").append(c.failure.lines().findFirst().orElse(""));
                    }
                    unsatisfied.add(why.toString());
                }
            }
        }
        assertEquals("unsatisfied components", List.of(), unsatisfied);
        assertTrue("our components are registered (" + components + ")", components >= 5);
    }

    /**
     * Every command of ours carries {@code command.summary}, from which {@code bmswb --help} lists it
     * without activating it, and it is the line its own help starts with: the first line of its
     * picocli description.
     */
    @Test
    public void everyCommandsSummaryIsTheFirstLineOfItsDescription() throws Exception {
        List<String> wrong = new ArrayList<>();
        int commands = 0;
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        CommandContext shown = new CommandContext(InputStream.nullInputStream(), nowhere, nowhere, Path.of("."));
        for (ServiceReference<Command> ref : context.getServiceReferences(Command.class, null)) {
            if (!ref.getBundle().getSymbolicName().startsWith("org.bmsworkbench.")) {
                continue;
            }
            commands++;
            Object summary = ref.getProperty("command.summary");
            Command command = context.getService(ref);
            try {
                UsageMessageSpec usage = command.commandLine(shown).getCommandSpec().usageMessage();
                String first = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
                if (!first.equals(summary)) {
                    wrong.add(ref.getProperty("command.name") + ": command.summary " + summary + ", description " + first);
                }
            } finally {
                context.ungetService(ref);
            }
        }
        assertEquals("commands whose command.summary is not their description's first line", List.of(), wrong);
        assertTrue("our commands are registered (" + commands + ")", commands >= 10);
    }
}

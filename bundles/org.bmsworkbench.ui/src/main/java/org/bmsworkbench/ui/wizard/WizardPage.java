package org.bmsworkbench.ui.wizard;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/** One step of a {@link Wizard}. Every method is called on the UI thread. */
@ConsumerType
public interface WizardPage {

    /** Short name, shown in the list of steps and as the header title. */
    String title();

    /** One or two sentences under the title: what this step is for. */
    String description();

    /** Creates the page's controls once, under {@code parent} (a composite with a {@code FillLayout}). */
    void createControl(Composite parent, WizardSite site);

    /** The page became the current one (also when coming back to it). */
    default void shown() {
    }

    /** True when Next (or Finish on the last page) may be pressed. Ask the site to update when this changes. */
    boolean isComplete();

    /**
     * Next or Finish was pressed on this page.
     *
     * @return null to go on, or the reason to stay, shown to the user as an error
     */
    default String leaving() {
        return null;
    }

    /**
     * Next or Finish was pressed on this page, for a page whose check runs in the background
     * (a state machine that answers later). The wizard disables its buttons until the stage
     * completes; by default it is {@link #leaving()}, already complete.
     *
     * @return a stage completing with null to go on, or with the reason to stay
     */
    default java.util.concurrent.CompletionStage<String> leave() {
        return java.util.concurrent.CompletableFuture.completedFuture(leaving());
    }

    /** False once something irreversible happened on or after this page (a code was sent). */
    default boolean allowsBack() {
        return true;
    }

    /** False while an operation must not be interrupted (watching a restart); the wizard keeps Cancel disabled. */
    default boolean allowsCancel() {
        return true;
    }

    /** The wizard is closing (finished or cancelled): stop background work the page started. */
    default void dispose() {
    }
}

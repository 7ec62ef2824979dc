package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bmsworkbench.ui.WorkbenchTool;
import org.bmsworkbench.ui.WorkbenchView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The installed {@link WorkbenchView}s and {@link WorkbenchTool}s, as they come and go. Bind
 * and unbind only record the change and tell the listeners (the window, which hands the change
 * to its UI thread); they return at once, before or after any window exists.
 */
@Component(name = "org.bmsworkbench.ui.views", service = ViewCatalog.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class ViewCatalog {
    private final CopyOnWriteArrayList<ViewEntry> views = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<ToolEntry> tools = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** One view service: its properties and the service object. */
    public record ViewEntry(String id, String label, int order, long serviceId, WorkbenchView view) {
    }

    /** One tool service. */
    public record ToolEntry(String id, String label, long serviceId, WorkbenchTool tool) {
    }

    @Reference(name = "view", service = WorkbenchView.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindView(WorkbenchView view, Map<String, Object> properties) {
        String id = text(properties.get("view.id"), null);
        if (id == null) {
            return; // a view without an id cannot be placed or remembered
        }
        views.add(new ViewEntry(id, text(properties.get("view.label"), id), number(properties.get("view.order"), 100),
                number(properties.get("service.id"), 0), view));
        changed();
    }

    void unbindView(WorkbenchView view) {
        views.removeIf(e -> e.view() == view);
        changed();
    }

    @Reference(name = "tool", service = WorkbenchTool.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindTool(WorkbenchTool tool, Map<String, Object> properties) {
        String id = text(properties.get("tool.id"), null);
        if (id == null) {
            return;
        }
        tools.add(new ToolEntry(id, text(properties.get("tool.label"), id), number(properties.get("service.id"), 0), tool));
        changed();
    }

    void unbindTool(WorkbenchTool tool) {
        tools.removeIf(e -> e.tool() == tool);
        changed();
    }

    /** Adds a view without a framework (tests). */
    public void addView(String id, String label, int order, WorkbenchView view) {
        views.add(new ViewEntry(id, label, order, views.size() + 1_000_000L, view));
        changed();
    }

    /** Removes a view added with {@link #addView} (tests). */
    public void removeView(WorkbenchView view) {
        unbindView(view);
    }

    /** The views, one per id (the first registered wins), sorted by order, then label. */
    public List<ViewEntry> views() {
        List<ViewEntry> all = new ArrayList<>(views);
        all.sort(Comparator.comparingLong(ViewEntry::serviceId));
        List<ViewEntry> unique = new ArrayList<>();
        for (ViewEntry e : all) {
            if (unique.stream().noneMatch(u -> u.id().equals(e.id()))) {
                unique.add(e);
            }
        }
        unique.sort(Comparator.comparingInt(ViewEntry::order).thenComparing(ViewEntry::label));
        return unique;
    }

    /** The tools, sorted by label. */
    public List<ToolEntry> tools() {
        List<ToolEntry> all = new ArrayList<>(tools);
        all.sort(Comparator.comparing(ToolEntry::label));
        return all;
    }

    /** Told, on the thread of the change, whenever a view or tool arrives or leaves. */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static int number(Object value, int fallback) {
        return (int) number(value, (long) fallback);
    }

    private static long number(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? fallback : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

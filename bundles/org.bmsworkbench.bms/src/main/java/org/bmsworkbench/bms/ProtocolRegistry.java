package org.bmsworkbench.bms;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bmsworkbench.can.Subscription;
import org.osgi.annotation.versioning.ProviderType;

/** The installed protocols, as they come and go. */
@ProviderType
public interface ProtocolRegistry {

    /** Installed protocols, sorted by id. */
    List<BmsProtocol> protocols();

    Optional<BmsProtocol> find(String id);

    /** Told (on the thread of the change) whenever a protocol arrives or leaves. */
    Subscription onChange(Consumer<List<BmsProtocol>> listener);

    /** The standard catalogue of docs/SIGNALS.md merged with what installed protocols contribute, sorted by key. */
    List<SignalDescriptor> signals();
}

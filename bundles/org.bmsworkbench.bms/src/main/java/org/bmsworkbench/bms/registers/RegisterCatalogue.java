package org.bmsworkbench.bms.registers;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The registers a device offers, for views, the CLI ({@code bmswb vreg list}) and range checks. */
@ProviderType
public interface RegisterCatalogue {

    /** Every register, in the guide's order. */
    List<RegisterInfo> registers();

    Optional<RegisterInfo> find(int id);

    /** The register that carries a model key. */
    Optional<RegisterInfo> findByKey(String key);
}

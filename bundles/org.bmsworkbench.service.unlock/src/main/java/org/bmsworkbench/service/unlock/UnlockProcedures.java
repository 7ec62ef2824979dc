package org.bmsworkbench.service.unlock;

import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/** Starts unlock attempts. */
@ProviderType
public interface UnlockProcedures {

    /**
     * A new attempt on {@code connection}, whose decoded values are in {@code model}; at step 1.
     * Returns at once. Close the procedure when done with it.
     */
    UnlockProcedure start(Connection connection, BmsModel model, UnlockOptions options);
}

package org.bmsworkbench.ui.testing;

import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.ui.WorkbenchSession;

/** A session that is only a model: the view must not need the connection or the decoder. */
public final class FakeSession implements WorkbenchSession {
    private final BmsModel model;
    private final boolean offline;

    public FakeSession(BmsModel model, boolean offline) {
        this.model = model;
        this.offline = offline;
    }

    @Override
    public String uri() {
        return "sim:";
    }

    @Override
    public Connection connection() {
        throw new UnsupportedOperationException("the view should not need the connection");
    }

    @Override
    public BmsSession bms() {
        throw new UnsupportedOperationException("the view should read the model only");
    }

    @Override
    public BmsModel model() {
        return model;
    }

    @Override
    public boolean isOffline() {
        return offline;
    }
}

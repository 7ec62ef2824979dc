package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.osgi.annotation.versioning.ProviderType;

/** Writes frames to a log, streaming. Not thread-safe: one writer thread. */
@ProviderType
public interface CanLogWriter extends AutoCloseable {

    void write(CanFrame frame) throws IOException;

    /** Pushes buffered lines to the file system. */
    void flush() throws IOException;

    LogFormat format();

    /** Frames written so far. */
    long framesWritten();

    /** Flushes and closes; writes the format's trailer (ASC: {@code End TriggerBlock}). */
    @Override
    void close() throws IOException;
}

package org.bmsworkbench.bms;

import java.util.List;
import java.util.Optional;
import org.bmsworkbench.can.CanFrame;

/**
 * Chooses protocols from the frames seen on a bus ({@code --protocol auto}). Feed frames with
 * {@link #offer(CanFrame)}; {@link #result()} gives the best choice so far and the evidence.
 * Not thread-safe.
 */
public final class ProtocolDetector {

    /** The chosen protocol ids (decode with all of them, first match wins) and why, in words. */
    public record Detection(List<String> protocolIds, String evidence) {
        public Detection {
            protocolIds = List.copyOf(protocolIds);
        }
    }

    public ProtocolDetector(List<BmsProtocol> candidates) {
        throw new UnsupportedOperationException("not yet");
    }

    public void offer(CanFrame frame) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Frames offered so far. */
    public long framesSeen() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The best choice so far, empty while no frame scored for any candidate. */
    public Optional<Detection> result() {
        throw new UnsupportedOperationException("not yet");
    }
}

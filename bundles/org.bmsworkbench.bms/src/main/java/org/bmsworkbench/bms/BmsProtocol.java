package org.bmsworkbench.bms;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A BMS protocol, registered as a service with the {@link ProtocolId} property. Stateless and
 * thread-safe: per-connection state lives in the {@link ProtocolSession}s it creates.
 */
@ConsumerType
public interface BmsProtocol {

    String id();

    /** Human name, e.g. "SMA (Sunny Island)". */
    String label();

    ProtocolSession newSession();

    /**
     * How strongly one frame suggests this protocol: 0 for "not mine", more for stronger
     * evidence (an id only this protocol uses weighs more than one it shares).
     *
     * <p>Callers ask {@link #detectionScore(FrameView)}, which takes a {@link CanFrame} as well as
     * a frame a reader fills again per line; this is what a protocol implements at the least.
     */
    int detectionScore(CanFrame frame);

    /**
     * {@link #detectionScore(CanFrame)} of a view, the one callers use (issue 16): the decoder asks
     * it of every frame no session decoded, read into one reused frame. The view is valid during
     * this call only.
     *
     * <p>The default scores {@link FrameView#toFrame()}, which is the frame itself for a
     * {@link CanFrame} and a copy for any other view. A protocol overrides it to score the view in
     * place, without that copy; it then keeps the two in agreement (the same score for every frame),
     * best by having the {@link CanFrame} method call this one.
     */
    default int detectionScore(FrameView frame) {
        return detectionScore(frame.toFrame());
    }

    /** The message names this protocol decodes to, with their frame ids, e.g. {@code 0x356 battery_basic_info}. */
    List<MessageInfo> messages();

    /**
     * Protocols that travel on the same bus and are decoded together with this one when it is
     * chosen, by id or by detection: NMEA 2000 names {@code vreg} (guide 1.5: the VREG registers
     * share the bus with the PGNs). Companions that are not installed are skipped.
     */
    default List<String> companions() {
        return List.of();
    }

    /** The model keys this protocol can fill, standard and its own. */
    List<SignalDescriptor> signals();

    /**
     * Where the values sit in each frame, for {@code bmswb dbc export} and other CAN tools:
     * one layout per message of a fixed layout. Empty (the default) for a protocol that cannot
     * describe its frames that way (fast packets, register multiplexing).
     */
    default List<FrameLayout> frameLayouts() {
        return List.of();
    }

    /** One message of a protocol, for listings, {@code dbc export} and the frames view. */
    record MessageInfo(String name, int canId, boolean extended, String description) {
    }
}

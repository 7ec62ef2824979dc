package org.bmsworkbench.cli.internal;

import java.util.concurrent.Callable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.cli.Command;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.cli.CommandName;
import org.bmsworkbench.cli.CommandSummary;
import org.bmsworkbench.cli.UsageException;
import org.bmsworkbench.cli.internal.live.LiveConnection;
import org.bmsworkbench.cli.internal.live.StopSignal;
import org.bmsworkbench.cli.internal.live.RotatingLogWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Mixin;

/**
 * {@code bmswb record}: the raw frames of a connection written to a candump {@code -L}, ASC, TRC or BLF log
 * as they arrive. The file is flushed twice a second and holds whole lines (BLF: containers) only, so a process
 * killed at any moment leaves a valid log that lacks at most its last second. With
 * {@code --rotate-size} the log is a series of files, each a valid log ({@link RotatingLogWriter}).
 */
@Component(name = "org.bmsworkbench.cli.record", service = Command.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@CommandName("record")
@CommandSummary("record the raw frames of a connection to a candump -L, ASC, TRC or BLF log")
public final class RecordCommand implements Command {
    /** The log is flushed at least this often: a killed recorder loses less than a second. */
    static final long FLUSH_MILLIS = 500;
    private static final int QUEUE_CAPACITY = 1 << 18;

    private final Connections connections;
    private final BmsSessions sessions;
    private final Duration connectTimeout;

    @Activate
    public RecordCommand(@Reference Connections connections, @Reference BmsSessions sessions) {
        this(connections, sessions, LiveConnection.CONNECT_TIMEOUT);
    }

    RecordCommand(Connections connections, Duration connectTimeout) {
        this(connections, null, connectTimeout);
    }

    /** @param sessions polls a serial BMS the URI names ({@code ?protocol=jbd}) while recording; null: never polls */
    RecordCommand(Connections connections, BmsSessions sessions, Duration connectTimeout) {
        this.connections = connections;
        this.sessions = sessions;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CommandLine commandLine(CommandContext context) {
        return new CommandLine(new Run(context));
    }

    @CommandLine.Command(name = "record", description = {
        "record the raw frames of a connection to a candump -L, ASC, TRC or BLF log",
        "Records every frame of the connection, received and sent, to FILE as it arrives (a serial BMS whose URI names its protocol, serial:/dev/ttyUSB0?protocol=jbd, is polled meanwhile, so its requests and answers are recorded): Vector ASC when FILE ends in .asc, PEAK TRC 2.1 for .trc, Vector BLF for .blf, candump -L otherwise; a serial connection (serial:, a replayed serial trace) is written as a serial trace, one line a chunk of bytes: '(1600000000.052311) ttyUSB0 rx DD03001D77' (.asc, .trc and .blf are refused for it). Runs until --duration ends, Ctrl-C, or a finite source ends; then says on stderr how many frames were recorded. The file is flushed twice a second and only ever holds whole lines (a BLF file whole containers): a recorder killed at any moment leaves a log that decodes, missing at most its last second (an ASC log then lacks its 'End TriggerBlock' line, a BLF log its header's counts, which readers accept). FILE is replaced if it exists. With --rotate-size, a new file is started once one reaches SIZE (it may pass it by up to 64 KiB): FILE.log, FILE.1.log, FILE.2.log ... (FILE.asc, FILE.1.asc ...), each a complete log of its own. When the connection replays a log or snapshot (replay:, snapshot:), the end of it is said with the frames replayed per second."},
            footer = {"", "Exit status: 0 recorded; 1 cannot write FILE, cannot connect (within 10 s) or the connection failed; 2 usage error (missing --connect or -o), and a URI that cannot be used (malformed, a scheme with no transport), said in one line.", "", "Examples:", "  bmswb record --connect sim: --duration 60 -o bench.log", "  bmswb record --connect slcan:/dev/ttyACM0 -o field-test.asc", "  bmswb record --connect slcan:/dev/ttyACM0 --rotate-size 100M -o day.log", "  bmswb record --connect 'replay:day.log?speed=max' -o day.asc"})
    final class Run implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-c", "--connect"}, paramLabel = "URI", description = "where to record from, e.g. sim:,"
                + " slcan:/dev/ttyACM0, socketcand://host:29536/can0 (required)")
        private String connect;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the log to write (required):"
                + " FILE.log|FILE.asc|FILE.trc|FILE.blf")
        private String output;
        @Option(names = "--duration", paramLabel = "S", description = "stop after S seconds (default: until Ctrl-C)")
        private String duration;
        @Option(names = "--rotate-size", paramLabel = "SIZE", description = "start a new file every SIZE bytes: 100M,"
                + " 512K, 1G (K, M, G = 1024, 1024², 1024³; at least 64K)")
        private String rotateSize;

        Run(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, CommandFailure {
            return run(context, this);
        }
    }

    private int run(CommandContext context, Run o) throws UsageException, CommandFailure {
        String uri = LiveOptions.uri(o.connect, true);
        if (o.output == null) {
            throw new UsageException("missing -o FILE");
        }
        String file = o.output;
        double duration = LiveOptions.duration(o.duration);
        long rotateBytes = rotateSize(o.rotateSize);
        Path path = context.resolve(file);
        if (Files.isDirectory(path)) {
            throw new CommandFailure("cannot write " + file + ": is a directory");
        }

        BlockingQueue<CanFrame> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicLong dropped = new AtomicLong();
        PrintStream err = context.err();
        // connected first, then the file: a URI or connection that fails leaves no empty log behind;
        // frames that arrive meanwhile wait in the queue
        try (StopSignal stop = StopSignal.afterOrOnShutdown(duration);
                LiveConnection live = LiveConnection.open(connections, uri);
                Subscription s = live.connection().subscribe(f -> {
                    if (!queue.offer(f)) {
                        dropped.incrementAndGet();
                    }
                })) {
            if (!live.awaitConnected(connectTimeout, stop)) {
                return 0;
            }
            // a byte-stream link (a serial line to a JBD or Daly) is recorded as a serial trace
            boolean byteStream = live.connection().control(StreamLink.class).isPresent();
            LogFormat format = LogFormat.forWriting(path, byteStream);
            if (byteStream && LogFormat.forWriting(path) != LogFormat.CANDUMP_L) {
                throw new UsageException("-o " + file + ": " + uri + " carries the bytes of a serial line, not CAN"
                        + " frames; ASC, TRC and BLF hold CAN frames only: record it to a serial trace, -o FILE.log");
            }
            RotatingLogWriter writer = openLog(path, file, rotateBytes, format);
            // a serial BMS speaks only when asked: with the protocol its URI names, its live session polls it
            BmsSession polling = byteStream && sessions != null && !live.connection().listenOnly()
                    && live.connection().control(StreamLink.class).map(StreamLink::protocol).isPresent()
                    ? sessions.attach(live.connection(), "auto") : null;
            try (writer; BmsSession p = polling) {
                record(queue, writer, live, stop, err, file);
                s.close();
                drain(queue, writer, err, file);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + file + ": " + reason(e), e);
            } finally {
                long written = writer.framesWritten();
                err.println("bmswb record: recorded " + written + (written == 1 ? " frame to " : " frames to ")
                        + files(writer.files(), path, file));
            }
            live.replaySummary().ifPresent(summary -> err.println("bmswb record: " + summary));
            if (dropped.get() > 0) {
                err.println("bmswb record: " + dropped.get() + " frames dropped: the file could not keep up");
            }
            Connection c = live.connection();
            if (c.state() == ConnectionState.FAILED) {
                throw new CommandFailure("connection to " + uri + " failed: " + c.stateDetail());
            }
        } catch (LiveConnection.UnusableUri e) {
            err.println("bmswb record: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static long rotateSize(String size) throws UsageException {
        if (size == null) {
            return 0;
        }
        try {
            return RotatingLogWriter.parseSize(size);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rotate-size: " + e.getMessage());
        }
    }

    /** {@code x.log}, or {@code x.log … x.3.log (4 files)} for a series. */
    private static String files(List<Path> files, Path path, String file) {
        if (files.size() <= 1) {
            return file;
        }
        Path last = files.get(files.size() - 1);
        return file + " … " + path.getParent().relativize(last).toString() + " (" + files.size() + " files)";
    }

    private static RotatingLogWriter openLog(Path path, String file, long rotateBytes, LogFormat format)
            throws CommandFailure {
        try {
            return new RotatingLogWriter(path, rotateBytes, format);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + reason(e), e);
        }
    }

    private static void record(BlockingQueue<CanFrame> queue, CanLogWriter writer, LiveConnection live,
            StopSignal stop, PrintStream err, String file) throws IOException, InterruptedException {
        long lastFlush = System.nanoTime();
        while (!stop.stopped() && !live.ended()) {
            long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(100), stop.remainingNanos());
            CanFrame f = queue.poll(wait, TimeUnit.NANOSECONDS);
            while (f != null) {
                write(writer, f, err, file);
                f = queue.poll();
            }
            if (System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS)) {
                writer.flush();
                lastFlush = System.nanoTime();
            }
            for (LiveConnection.StateChange c : live.takeChanges()) {
                err.println("bmswb record: connection: " + c);
            }
        }
    }

    /** The frames that arrived before the subscription ended. */
    private static void drain(BlockingQueue<CanFrame> queue, CanLogWriter writer, PrintStream err, String file)
            throws IOException {
        CanFrame f;
        while ((f = queue.poll()) != null) {
            write(writer, f, err, file);
        }
    }

    private static void write(CanLogWriter writer, CanFrame f, PrintStream err, String file) throws IOException {
        try {
            writer.write(f);
        } catch (IllegalArgumentException e) {
            err.println("bmswb record: " + file + ": frame " + f + " cannot be logged: " + e.getMessage() + " (skipped)");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

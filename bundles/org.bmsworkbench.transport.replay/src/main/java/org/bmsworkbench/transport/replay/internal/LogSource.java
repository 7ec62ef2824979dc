package org.bmsworkbench.transport.replay.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the bytes of a log come from: a file, or an entry of a ZIP. Every {@link #open} is an
 * independent stream (the player and the index pass read at the same time), so a source holds
 * no resource of its own.
 */
interface LogSource {

    /** How messages name the log: the path as the user gave it, plus {@code !ENTRY} for a ZIP entry. */
    String name();

    /** A stream of the log from byte {@code offset} on; the caller closes it. */
    InputStream open(long offset) throws IOException;

    /** A plain file; positioned reads, so opening at an offset costs nothing. */
    static LogSource file(Path file, String name) {
        return new LogSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open(long offset) throws IOException {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    channel.position(offset);
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                return Channels.newInputStream(channel);
            }
        };
    }

    /**
     * An entry of a ZIP file; opening at an offset inflates and skips the bytes before it (no
     * parsing), which is fast enough for the size of a snapshot.
     */
    static LogSource zipEntry(Path zip, String entry, String name) {
        return new LogSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open(long offset) throws IOException {
                ZipFile file = new ZipFile(zip.toFile());
                try {
                    ZipEntry e = file.getEntry(entry);
                    if (e == null) {
                        throw new IOException(name + ": the entry is gone from " + zip);
                    }
                    InputStream in = file.getInputStream(e);
                    in.skipNBytes(offset);
                    return new FilterInputStream(in) {
                        @Override
                        public void close() throws IOException {
                            try {
                                super.close();
                            } finally {
                                file.close();
                            }
                        }
                    };
                } catch (IOException | RuntimeException e) {
                    file.close();
                    throw e;
                }
            }
        };
    }
}

package org.bmsworkbench.cli.internal;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output for commands: buffered (64 KiB, UTF-8) straight over file
 * descriptor 1, not over {@code System.out}, whose own {@code PrintStream} would swallow a
 * failed write. A failure (a full disk, a closed pipe) sets {@link #checkError()} as in any
 * {@code PrintStream}, and {@link #reason(PrintStream)} says what it was, in the system's words
 * ({@code No space left on device}, {@code Broken pipe}).
 */
final class StandardOutput extends PrintStream {
    private static final int BUFFER = 1 << 16;

    private final FailureRecorder recorder;

    private StandardOutput(FailureRecorder recorder) {
        super(new BufferedOutputStream(recorder, BUFFER), false, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    /** Standard output of this process. */
    static StandardOutput open() {
        return over(new FileOutputStream(FileDescriptor.out));
    }

    /** The same over another stream (for tests). */
    static StandardOutput over(OutputStream out) {
        return new StandardOutput(new FailureRecorder(out));
    }

    /**
     * Why writing to {@code out} failed: the first failure's message if {@code out} is a
     * {@code StandardOutput} that saw one, else a generic phrase.
     */
    static String reason(PrintStream out) {
        if (out instanceof StandardOutput s && s.recorder.failure != null) {
            IOException e = s.recorder.failure;
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return "the output is closed or full";
    }

    /** Passes writes through whole and remembers the first one that failed. */
    private static final class FailureRecorder extends FilterOutputStream {
        private volatile IOException failure;

        FailureRecorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        private IOException recorded(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}

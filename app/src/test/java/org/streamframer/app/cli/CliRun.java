package org.streamframer.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the CLI in-process with captured stdout and stderr. */
final class CliRun {

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    /** A run whose output can be read while it is going (see {@link #start}). */
    static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int exit = -1;

        Running(String... args) {
            thread = new Thread(() -> exit = execute(out, err, args), "cli-test-run");
        }

        /** Waits until stderr or stdout contains {@code text}, up to 15 s. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < deadline) {
                String all = out + "\n" + err;
                if (all.contains(text)) {
                    return all;
                }
                if (!thread.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no '" + text + "' from the CLI; exit " + exit + "\nout: " + out + "\nerr: " + err);
        }

        Result join() throws InterruptedException {
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
                throw new AssertionError("the CLI did not finish in 30 s; out: " + out + "\nerr: " + err);
            }
            return new Result(exit, out.toString(), err.toString());
        }
    }

    private CliRun() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = execute(out, err, args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Running start(String... args) {
        Running r = new Running(args);
        r.thread.start();
        return r;
    }

    private static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = Cli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}

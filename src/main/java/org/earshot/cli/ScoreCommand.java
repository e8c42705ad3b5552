package org.earshot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "score", description = "Scores JSON Lines mentions from stdin; writes one JSON line per mention to stdout.")
public final class ScoreCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("score filter lands with the scoring package");
    }
}

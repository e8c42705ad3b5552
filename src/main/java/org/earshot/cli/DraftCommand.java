package org.earshot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "draft", description = "Drafts replies for JSON Lines mentions from stdin; writes one JSON line per mention.")
public final class DraftCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("draft filter lands with the reply package");
    }
}

package org.earshot;

import org.earshot.cli.DraftCommand;
import org.earshot.cli.ScoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "earshot", mixinStandardHelpOptions = true, version = "earshot 0.1.0",
        description = "Listens where your brand is talked about, ranks what needs you first, drafts replies you approve.",
        subcommands = {ScoreCommand.class, DraftCommand.class})
public final class Earshot {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Earshot()).execute(args));
    }
}

package org.earshot;

import org.earshot.cli.ApproveCommand;
import org.earshot.cli.BenchCommand;
import org.earshot.cli.BackupCommand;
import org.earshot.cli.CheckConfigCommand;
import org.earshot.cli.ExportCommand;
import org.earshot.cli.CorrectionsCommand;
import org.earshot.cli.DraftCommand;
import org.earshot.cli.RejectCommand;
import org.earshot.cli.RequeueCommand;
import org.earshot.cli.RetryCommand;
import org.earshot.cli.RunCommand;
import org.earshot.cli.ScoreCommand;
import org.earshot.cli.ShowCommand;
import org.earshot.cli.TasksCommand;
import org.earshot.cli.TokenCommand;
import org.earshot.cli.UserCommand;
import org.earshot.config.ConfigException;
import org.earshot.demo.DemoCommand;
import org.earshot.domain.DisallowedTransitionException;
import org.earshot.task.ReplyRulesViolatedException;
import org.earshot.task.TaskConflictException;
import org.earshot.task.TaskNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "earshot", mixinStandardHelpOptions = true, version = "earshot 0.1.0",
        description = "Listens where your brand is talked about, ranks what needs you first, drafts replies you approve.",
        subcommands = {RunCommand.class, TasksCommand.class, ShowCommand.class, ApproveCommand.class,
                RejectCommand.class, RetryCommand.class, ScoreCommand.class, DraftCommand.class, CorrectionsCommand.class,
                BenchCommand.class, DemoCommand.class, RequeueCommand.class, CheckConfigCommand.class,
                ExportCommand.class, BackupCommand.class,
                UserCommand.class, TokenCommand.class})
public final class Earshot {
    /** Exit codes a script can rely on. */
    static final int BAD_CONFIG = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    static final int REFUSED = 5;

    public static void main(String[] args) {
        // The JDK's HttpURLConnection (under Twitter4J) silently resends a POST whose connection reset;
        // a reply must never be posted twice, so this is off before any connection is made.
        System.setProperty("sun.net.http.retryPost", "false");
        // The daemon logs to stdout (a service manager's journal); the other commands, to stderr, so that
        // the score and draft filters' stdout holds only their JSON Lines. Set before the first logger.
        boolean daemon = args.length > 0 && (args[0].equals("run") || args[0].equals("demo"));
        if (!daemon && System.getProperty("earshot.log.target") == null) {
            System.setProperty("earshot.log.target", "stderr");
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Earshot()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("earshot " + cmd.getCommandName() + ": " + e.getMessage());
            if (e instanceof ConfigException || e instanceof org.earshot.store.SchemaTooNewException) return BAD_CONFIG;
            if (e instanceof TaskNotFoundException) return NOT_FOUND;
            if (e instanceof TaskConflictException || e instanceof DisallowedTransitionException) return CONFLICT;
            if (e instanceof ReplyRulesViolatedException || e instanceof IllegalArgumentException) return REFUSED;
            e.printStackTrace(cmd.getErr());
            return 1;
        });
    }
}

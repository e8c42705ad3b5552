package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.earshot.Earshot;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.domain.Role;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code earshot user} and {@code earshot token} as an operator types them, on a real H2 file. */
class AccountCommandsIT {
    @TempDir
    Path dir;
    private Path config;
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errStream = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() throws Exception {
        config = TestConfigs.exampleConfigFileIn(dir);
        originalOut = System.out;
        originalIn = System.in;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errStream, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        out.reset();
        CommandLine cli = Earshot.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return cli.execute(withConfig);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Wiring office() {
        return Wiring.office(ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(config), Clock.systemUTC());
    }

    @Test
    void theFirstAdminIsMadeWithAPasswordFromStandardInputAndCanSignIn() {
        assertThat(run("correct horse battery\n", "user", "add", "ada", "--role", "admin", "--password-stdin")).isZero();
        assertThat(printed()).contains("account ada made: admin");

        try (Wiring office = office()) {
            var signIn = office.accounts().signIn("ada", "correct horse battery", "127.0.0.1");
            assertThat(signIn.account().role()).isEqualTo(Role.ADMIN);
        }
        try (var db = org.earshot.store.Database.open(ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(config).storage())) {
            String stored = db.inTransaction(h -> h.createQuery(
                    "select password_hash from account where name = 'ada'").mapTo(String.class).one());
            assertThat(stored).startsWith("$argon2id$v=19$").doesNotContain("correct horse battery");
        }
    }

    @Test
    void aShortPasswordAnUnknownRoleAndATakenNameAreRefusedWithWhatToDo() {
        assertThat(run("short\n", "user", "add", "ada", "--role", "admin", "--password-stdin")).isEqualTo(5);
        assertThat(err.toString()).contains("a password needs at least 8 characters");

        assertThat(run("long enough one\n", "user", "add", "ada", "--role", "boss", "--password-stdin")).isEqualTo(5);
        assertThat(err.toString()).contains("role must be one of viewer, responder, approver, admin, but was 'boss'");

        run("long enough one\n", "user", "add", "ada", "--role", "admin", "--password-stdin");
        assertThat(run("long enough two\n", "user", "add", "ada", "--role", "viewer", "--password-stdin")).isEqualTo(5);
        assertThat(err.toString()).contains("there is already an account 'ada'");
    }

    @Test
    void usersAreListedWithTheirRolesAndADisabledOneCannotSignIn() {
        run("long enough one\n", "user", "add", "ada", "--role", "admin", "--password-stdin");
        run("long enough two\n", "user", "add", "bea", "--role", "responder", "--password-stdin");

        assertThat(run("", "user", "disable", "bea")).isZero();
        assertThat(run("", "user", "list")).isZero();

        assertThat(printed()).containsPattern("ada\\s+admin\\s+since").containsPattern("bea\\s+responder\\s+disabled");
        try (Wiring office = office()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> office.accounts().signIn("bea", "long enough two", "127.0.0.1"))
                    .hasMessageContaining("wrong name or password");
        }
    }

    @Test
    void aDecidingCommandWithATokenActsAsItsAccountAndItsRoleMustAllowIt() {
        long id = openTask();
        run("long enough one\n", "user", "add", "rio", "--role", "responder", "--password-stdin");
        run("long enough two\n", "user", "add", "bea", "--role", "approver", "--password-stdin");
        run("", "token", "add", "rio");
        String rio = printed().strip();
        run("", "token", "add", "bea");
        String bea = printed().strip();

        assertThat(run("", "approve", String.valueOf(id), "--token", rio)).isEqualTo(5);
        assertThat(err.toString()).contains("approving a reply needs the approver role, but 'rio' is a responder");

        assertThat(run("", "approve", String.valueOf(id), "--token", bea, "--as", "someone-else")).isZero();
        assertThat(printed()).contains("approved by bea");
        try (Wiring office = office()) {
            assertThat(office.queries().get(id).decision().actor()).isEqualTo("bea");
        }
    }

    private long openTask() {
        var config = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(this.config);
        try (var db = org.earshot.store.Database.open(config.storage())) {
            var triage = new org.earshot.task.Triage(new org.earshot.scoring.MentionScorer(),
                    new org.earshot.reply.ReplyDrafter(config.policy(), Wiring.CHANNELS), config.serviceLevels());
            return db.inTransaction(c -> {
                var mentions = new org.earshot.store.MentionStore();
                long mentionId = mentions.insertIfNew(c, "mastodon", "acme", new org.earshot.domain.IncomingMention(
                        org.earshot.domain.Platform.MASTODON, "77", new org.earshot.domain.Author("dana@mastodon.example",
                        "Dana Reyes", 10), "Where is my parcel?", "", java.time.Instant.now(), "", java.util.Map.of()),
                        java.time.Instant.now()).getAsLong();
                var m = mentions.find(c, mentionId).orElseThrow();
                var a = triage.assess(m, org.earshot.domain.CustomerHistory.NONE, java.time.Instant.now());
                return new org.earshot.store.TaskStore().insert(c, mentionId, a.score(), a.draft(), java.time.Instant.now(),
                        a.dueAt());
            });
        }
    }

    @Test
    void aTokenIsPrintedOnceWorksAsItsAccountAndStopsWhenRevoked() {
        run("long enough two\n", "user", "add", "bea", "--role", "approver", "--password-stdin");

        assertThat(run("", "token", "add", "bea", "--label", "nightly report")).isZero();
        String token = printed().strip();
        assertThat(token).startsWith("es_");
        assertThat(errStream.toString(StandardCharsets.UTF_8)).contains("shown once; revoke it with: earshot token revoke 1");

        try (Wiring office = office()) {
            assertThat(office.accounts().byToken(token)).get().extracting(a -> a.name()).isEqualTo("bea");
        }
        assertThat(run("", "token", "list")).isZero();
        assertThat(printed()).containsPattern("1\\s+bea\\s+nightly report\\s+last used").doesNotContain(token);

        assertThat(run("", "token", "revoke", "1")).isZero();
        try (Wiring office = office()) {
            assertThat(office.accounts().byToken(token)).isEmpty();
        }
    }
}

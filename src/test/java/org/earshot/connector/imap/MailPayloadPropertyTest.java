package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.earshot.connector.FuzzedPlatform;

/**
 * The demo's mails cut short, with a header or a line swapped for garbage, grown to megabytes, and
 * plain garbage: each is taken, skipped with a reason or handed over unreadable; nothing escapes.
 */
class MailPayloadPropertyTest {
    private static final List<String> MAILS = demoMails();
    private final Session session = Session.getInstance(new Properties());
    private final MailReader reader = new MailReader("support-mail", session, Set.of("support@acme.example"));

    @Provide
    Arbitrary<String> mails() {
        Arbitrary<String> mail = Arbitraries.of(MAILS);
        Arbitrary<String> cut = Combinators.combine(mail, Arbitraries.doubles().between(0, 1))
                .as((m, at) -> m.substring(0, (int) (m.length() * at)));
        Arbitrary<String> swapped = Combinators.combine(mail, Arbitraries.doubles().between(0, 1), FuzzedPlatform.garbage())
                .as(FuzzedPlatform::swapAValue);
        Arbitrary<String> grown = mail.map(m -> m + "\r\n" + "my bag is lost ".repeat(70_000));
        return Arbitraries.frequencyOf(Tuple.of(3, cut), Tuple.of(4, swapped), Tuple.of(1, grown),
                Tuple.of(2, FuzzedPlatform.garbage()));
    }

    @Property(tries = 50)
    void aGarbledMailIsTakenSkippedOrKeptUnreadableAndNothingEscapes(@ForAll("mails") String raw) throws Exception {
        MimeMessage onServer = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));

        ReadMail read = reader.read(onServer, 7, "uid:42:7@INBOX");

        assertThat(read).isNotNull();
        if (read.mention() != null) {
            assertThat(read.mention().text()).isNotNull();
        }
    }

    private static List<String> demoMails() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/demo/mail"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

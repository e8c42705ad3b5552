package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.connector.imap.ImapTestMail.PASSWORD;
import static org.earshot.connector.imap.ImapTestMail.SUPPORT;
import static org.earshot.connector.imap.ImapTestMail.brand;
import static org.earshot.connector.imap.ImapTestMail.settings;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.earshot.connector.ConnectorException;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every real MIME message of ../shared/data/mime (other mail parsers' fixtures: malformed headers,
 * 8-bit headers, wrong charsets, bounces, ARF) in a real IMAP server, read by the real connector.
 */
class ImapMimeCorpusIT {
    private static final Path CORPUS = Path.of("../shared/data/mime");
    private static final int BATCH = 40;

    /** One server for the class: loading and reading the corpus once takes seconds, and the tests only look. */
    @RegisterExtension
    static final GreenMailExtension server = ImapTestMail.server().withPerMethodLifecycle(false);

    /** The corpus file behind each UID, in delivery order (GreenMail numbers from 1). */
    private static final Map<Long, String> files = new LinkedHashMap<>();
    private static Polled all;
    private static ImapPoll again;

    @BeforeAll
    static void mailboxHoldingTheCorpusReadOnce() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS),
                "skipped: " + CORPUS.toAbsolutePath().normalize() + " is absent (the shared real-data corpus)");
        GreenMailUser support = server.setUser(SUPPORT, SUPPORT, PASSWORD);
        Session session = Session.getInstance(new Properties());
        List<Path> emls;
        try (Stream<Path> list = Files.list(CORPUS)) {
            emls = list.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        long uid = 0;
        for (Path eml : emls) {
            support.deliver(new MimeMessage(session, new ByteArrayInputStream(Files.readAllBytes(eml))));
            files.put(++uid, eml.getFileName().toString());
        }
        ImapMentionSource source = new ImapMentionSource(settings(server, PASSWORD, BATCH), brand());
        all = pollAll(source);
        again = source.pollInDetail(all.cursor());
    }

    /** Every mail of the folder, polled in batches from the start until a poll reads nothing. */
    private record Polled(Map<Long, ReadMail> outcomes, int polls, int failed, String cursor) {
        ReadMail of(Map<Long, String> files, String file) {
            return files.entrySet().stream().filter(e -> e.getValue().equals(file + ".eml")).findFirst()
                    .map(e -> outcomes.get(e.getKey())).orElseThrow(() -> new AssertionError("no " + file));
        }

        IncomingMention mention(Map<Long, String> files, String file) {
            ReadMail m = of(files, file);
            assertThat(m.mention()).as(file + " is taken (" + m + ")").isNotNull();
            return m.mention();
        }
    }

    private static Polled pollAll(ImapMentionSource source) {
        Map<Long, ReadMail> outcomes = new TreeMap<>();
        int polls = 0;
        int failed = 0;
        String cursor = null;
        while (polls + failed < 50) {
            ImapPoll poll;
            try {
                poll = source.pollInDetail(cursor);
            } catch (ConnectorException e) {
                failed++;
                System.out.println("poll failed: " + e.getMessage());
                continue;
            }
            polls++;
            poll.mails().forEach(m -> outcomes.put(m.uid(), m));
            cursor = poll.result().nextCursor();
            if (poll.mails().isEmpty()) {
                break;
            }
        }
        return new Polled(outcomes, polls, failed, cursor);
    }

    @Test
    void everyMessageIsTakenSkippedWithAReasonOrHandedOverUnreadableAndNoPollFails() throws Exception {
        report(all.outcomes(), all.polls(), all.failed());
        assertThat(all.failed()).isZero();
        assertThat(all.outcomes().keySet()).containsExactlyElementsOf(files.keySet());
        assertThat(all.outcomes().values()).allSatisfy(m -> assertThat(
                (m.mention() != null ? 1 : 0) + (m.skipReason() != null ? 1 : 0) + (m.unreadable() != null ? 1 : 0))
                .isEqualTo(1));
        assertThat(all.outcomes().values()).filteredOn(m -> m.unreadable() != null)
                .allSatisfy(m -> assertThat(m.unreadable().reason()).isNotBlank());
        assertThat(again.mails()).isEmpty();
        assertThat(again.result().nextCursor()).isEqualTo(all.cursor());
    }

    @Test
    void mislabelledBodiesEightBitHeadersAndForeignScriptsReadAsWritten() throws Exception {
        // Labelled us-ascii, written in UTF-8.
        assertThat(all.mention(files, "enmime__low-quality_incorrect-charset").text())
                .contains("∮ E⋅da = Q,  n → ∞, ∑ f(i) = ∏ g(i)").doesNotContain("â");
        // Labelled us-ascii, written in Big5 (ICU's detector) and in Latin-1 (too few clues: Windows-1252).
        assertThat(all.mention(files, "enmime__parts_chardet-success-big-5").text())
                .startsWith("顏是家訓  北齊  顏之推").contains("夫九州之人，言語不同");
        assertThat(all.mention(files, "enmime__parts_chardet-success-iso-8859-1").text())
                .startsWith("DIE Drachenköpfe unserer Boote").contains("es waren dreißig Kilometer");
        // ISO-2022-JP: 7-bit bytes, so only its label tells; subject in two encoded words.
        IncomingMention japanese = all.mention(files, "mimekit__messages_japanese");
        assertThat(japanese.subject()).isEqualTo("日本語メールテスト (testing Japanese emails)");
        assertThat(japanese.text()).contains("日本語が\n正常に\n送れているか\nテスト.");
        // Raw Latin-1 bytes inside an encoded word, and in the body.
        IncomingMention frogs = all.mention(files, "stalwart-mail-parser__legacy_009");
        assertThat(frogs.subject()).isEqualTo("Die Hasen und die Frösche");
        assertThat(frogs.text()).contains("Die Hasen klagten einst über ihre mißliche Lage");
        // A raw 8-bit UTF-8 display name with one stray byte; a raw 8-bit subject byte.
        IncomingMention unicode = all.mention(files, "flanker__mailformed-headers");
        assertThat(unicode.author().name()).isEqualTo("Юникод запрещен\uFFFD");
        assertThat(unicode.author().handle()).isEqualTo("headers@gmail.com");
        assertThat(all.mention(files, "stalwart-mail-parser__thirdparty_010").subject()).isEqualTo("こんにちは");
        assertThat(all.mention(files, "enmime__mail_qp-utf8-header-no-break").subject())
                .isEqualTo("MIME UTF8 Test ¢ More Text");
        // An address without a domain, the name in a comment.
        IncomingMention party = all.mention(files, "mimekit__messages_startrek");
        assertThat(party.author().handle()).isEqualTo("nsb");
        assertThat(party.author().name()).isEqualTo("Nathaniel Borenstein");
        assertThat(party.subject()).isEqualTo("Star Trek Party!");
    }

    @Test
    void bouncesReadReceiptsAbuseReportsAndBulkMailAreSkippedWithTheirReason() throws Exception {
        assertThat(all.of(files, "enmime__dsn_testdata_simple_dsn").skipReason()).isEqualTo(AutomaticMail.BOUNCE);
        assertThat(all.of(files, "flanker__bounce_gmail-no-dns").skipReason()).isEqualTo(AutomaticMail.BOUNCE);
        assertThat(all.of(files, "mimekit__messages_disposition-notification").skipReason())
                .isEqualTo(AutomaticMail.READ_RECEIPT);
        assertThat(all.of(files, "mimekit__messages_feedback-report").skipReason())
                .isEqualTo(AutomaticMail.ABUSE_REPORT);
        assertThat(all.of(files, "postal-mime__arf").skipReason()).isEqualTo(AutomaticMail.ABUSE_REPORT);
        assertThat(all.of(files, "flanker__from-encoding").skipReason()).isEqualTo(AutomaticMail.BULK);
    }

    private static void report(Map<Long, ReadMail> outcomes, int polls, int failed) {
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int taken = 0;
        for (ReadMail m : outcomes.values()) {
            if (m.mention() != null) {
                taken++;
            } else if (m.skipReason() != null) {
                skipped.merge(m.skipReason(), 1, Integer::sum);
            } else {
                unreadable.add(files.get(m.uid()) + ": " + m.unreadable().reason());
            }
        }
        System.out.printf("MIME corpus: %d messages, %d polls, %d failed; %d read as mentions, %d skipped %s,"
                        + " %d unreadable%n", files.size(), polls, failed, taken,
                skipped.values().stream().mapToInt(Integer::intValue).sum(), skipped, unreadable.size());
        unreadable.forEach(u -> System.out.println("  unreadable " + u));
        StringBuilder each = new StringBuilder();
        outcomes.forEach((uid, m) -> each.append(files.get(uid)).append('\t').append(m.mention() != null
                ? "taken\t" + m.mention().externalId() + "\t" + m.mention().author().handle() + "\t" + m.mention().subject()
                : m.skipReason() != null ? "skipped\t" + m.skipReason() : "unreadable\t" + m.unreadable().reason())
                .append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/mime-corpus-outcomes.tsv"), each);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

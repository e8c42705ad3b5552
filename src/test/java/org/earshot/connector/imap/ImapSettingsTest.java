package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.config.ConfigException;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class ImapSettingsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String VALID = """
            type: imap
            imapHost: imap.acme.example
            smtpHost: smtp.acme.example
            username: support@acme.example
            password: app-password
            fromAddress: support@acme.example
            """;

    private static ConfigNode node(String yaml) {
        try {
            return new ConfigNode(Path.of("earshot.yaml"), "connectors.support-mail", YAML.readTree(yaml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImapSettings with(String extraYaml) {
        return ImapSettings.from("support-mail", node(VALID + extraYaml));
    }

    private static ImapSettings without(String key) {
        ObjectNode tree = (ObjectNode) node(VALID).raw();
        tree.remove(key);
        return ImapSettings.from("support-mail", new ConfigNode(Path.of("earshot.yaml"), "connectors.support-mail", tree));
    }

    private static ImapSettings replacing(String written, String instead) {
        return ImapSettings.from("support-mail", node(VALID.replace(written, instead)));
    }

    private static String problem(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no ConfigException");
    }

    @Test
    void sslIsTheDefaultWithPorts993And465AndTheUsualFolders() {
        ImapSettings s = with("");
        assertThat(List.of(s.ssl(), s.starttls(), s.imapPort(), s.smtpPort(), s.folder(), s.sentFolder()))
                .containsExactly(true, false, 993, 465, "INBOX", "Sent");
        assertThat(List.of(s.connectTimeout(), s.readTimeout())).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertThat(List.of(s.maxMessagesPerPoll(), s.readExisting(), s.saveToSent(), s.fromName())).containsExactly(200, true, true, "");
    }

    @Test
    void starttlsDefaultsToPorts143And587() {
        ImapSettings s = with("ssl: false\nstarttls: true\n");
        assertThat(List.of(s.imapPort(), s.smtpPort())).containsExactly(143, 587);
    }

    @Test
    void plainDefaultsToPorts143And25() {
        ImapSettings s = with("ssl: false\n");
        assertThat(List.of(s.imapPort(), s.smtpPort())).containsExactly(143, 25);
    }

    @Test
    void everyValueIsTakenAsWritten() {
        ImapSettings s = with("""
                imapPort: 1993
                smtpPort: 1465
                folder: Support/Customers
                sentFolder: Support/Answered
                fromName: Acme Air Support
                connectTimeout: 3s
                readTimeout: 1m
                maxMessagesPerPoll: 50
                readExisting: false
                saveToSent: false
                """);
        assertThat(s).isEqualTo(new ImapSettings("support-mail", "imap.acme.example", 1993, "smtp.acme.example", 1465,
                true, false, "support@acme.example", "app-password", "Support/Customers", "Support/Answered",
                "support@acme.example", "Acme Air Support", Duration.ofSeconds(3), Duration.ofMinutes(1), 50, false, false));
    }

    @Test
    void imapHostIsRequired() {
        assertThat(problem(() -> without("imapHost"))).isEqualTo("earshot.yaml: connectors.support-mail.imapHost is required");
    }

    @Test
    void imapHostMustBeAHostNameNotAUrl() {
        assertThat(problem(() -> replacing("imap.acme.example", "imaps://imap.acme.example")))
                .isEqualTo("earshot.yaml: connectors.support-mail.imapHost must be a host name like mail.example.com (no scheme,"
                        + " path or port; the port has its own key), but was 'imaps://imap.acme.example'");
    }

    @Test
    void smtpHostIsRequired() {
        assertThat(problem(() -> without("smtpHost"))).isEqualTo("earshot.yaml: connectors.support-mail.smtpHost is required");
    }

    @Test
    void imapPortMustBeAPortNumber() {
        assertThat(problem(() -> with("imapPort: 99999\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.imapPort must be between 1 and 65535, but was 99999");
    }

    @Test
    void smtpPortMustBeANumber() {
        assertThat(problem(() -> with("smtpPort: submission\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.smtpPort must be a whole number, but was 'submission'");
    }

    @Test
    void sslMustBeTrueOrFalse() {
        assertThat(problem(() -> with("ssl: yes please\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.ssl must be true or false, but was 'yes please'");
    }

    @Test
    void starttlsCannotBeCombinedWithSsl() {
        assertThat(problem(() -> with("starttls: true\n"))).startsWith(
                "earshot.yaml: connectors.support-mail.starttls cannot be combined with ssl: true");
    }

    @Test
    void usernameIsRequired() {
        assertThat(problem(() -> without("username"))).isEqualTo("earshot.yaml: connectors.support-mail.username is required");
    }

    @Test
    void anEmptyPasswordFromAnUnsetVariableCountsAsMissing() {
        assertThat(problem(() -> replacing("password: app-password", "password: ''")))
                .isEqualTo("earshot.yaml: connectors.support-mail.password is required");
    }

    @Test
    void passwordIsRequired() {
        assertThat(problem(() -> without("password"))).isEqualTo("earshot.yaml: connectors.support-mail.password is required");
    }

    @Test
    void fromAddressIsRequired() {
        assertThat(problem(() -> without("fromAddress"))).isEqualTo("earshot.yaml: connectors.support-mail.fromAddress is required");
    }

    @Test
    void fromAddressMustBeAnEmailAddress() {
        assertThat(problem(() -> replacing("fromAddress: support@acme.example", "fromAddress: support")))
                .isEqualTo("earshot.yaml: connectors.support-mail.fromAddress must be an e-mail address like"
                        + " support@example.com (the name goes in fromName), but was 'support'");
    }

    @Test
    void fromAddressMustNotCarryTheName() {
        assertThat(problem(() -> replacing("fromAddress: support@acme.example",
                "fromAddress: Acme Air <support@acme.example>")))
                .contains("connectors.support-mail.fromAddress must be an e-mail address");
    }

    @Test
    void folderMustNotBeEmpty() {
        assertThat(problem(() -> with("folder: ' '\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.folder must name a folder like INBOX, but was empty");
    }

    @Test
    void sentFolderMustDifferFromTheWatchedFolder() {
        assertThat(problem(() -> with("sentFolder: inbox\n"))).isEqualTo("earshot.yaml: connectors.support-mail.sentFolder"
                + " must differ from folder ('INBOX'), or replies would be read back as customer mail");
    }

    @Test
    void connectTimeoutMustBeADuration() {
        assertThat(problem(() -> with("connectTimeout: soon\n"))).isEqualTo("earshot.yaml: connectors.support-mail.connectTimeout"
                + " must be a duration like 30s, 5m or 12h, but was 'soon'");
    }

    @Test
    void readTimeoutMustBeMoreThanZero() {
        assertThat(problem(() -> with("readTimeout: 0s\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.readTimeout must be more than 0 and at most 10m, but was 0s");
    }

    @Test
    void maxMessagesPerPollMustBeAtLeastOne() {
        assertThat(problem(() -> with("maxMessagesPerPoll: 0\n")))
                .isEqualTo("earshot.yaml: connectors.support-mail.maxMessagesPerPoll must be between 1 and 5000, but was 0");
    }

    @Test
    void thePasswordNeverAppearsInLogs() {
        assertThat(with("").toString()).doesNotContain("app-password").contains("support@acme.example");
    }

    @Test
    void factoryBuildsAnEmailConnectorForTypeImap() {
        ImapConnectorFactory factory = new ImapConnectorFactory();
        Connector c = factory.create(new ConnectorConfig("support-mail", "imap", "acme", true, Duration.ofMinutes(1),
                node(VALID)), ImapTestMail.brand());

        assertThat(factory.type()).isEqualTo("imap");
        assertThat(List.of(c.id(), c.platform(), c.brand(), c.schedule()))
                .containsExactly("support-mail", Platform.EMAIL, "acme", Duration.ofMinutes(1));
        assertThat(c.source()).isInstanceOf(ImapMentionSource.class);
        assertThat(c.publisher()).isInstanceOf(SmtpReplyPublisher.class);
    }
}

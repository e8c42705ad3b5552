package org.earshot.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what a customer's mail client quoted from earlier messages, so that scores and drafts
 * look at the new words only. Only the common, unambiguous shapes are cut; if nothing would be left,
 * the text is kept as it came.
 */
final class QuotedReply {
    /**
     * "On Tue, 3 Mar 2026 at 10:02, Acme Air &lt;support@acme.example&gt; wrote:", maybe wrapped over two
     * lines. A digit (the date) must be there, so that "On the plane the crew wrote:" stays.
     */
    private static final Pattern ATTRIBUTION = Pattern.compile("^(On|Am|Le|El|Op)\\s(?=.*\\d).{0,300}(wrote|schrieb|a écrit|escribió|schreef)\\s?:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");

    private QuotedReply() {
    }

    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
            if (ATTRIBUTION.matcher(line.strip()).matches() || OUTLOOK_HEADER.matcher(line.strip()).matches()
                    || SIGNATURE.matcher(line).matches()
                    || (line.strip().matches("^(On|Am|Le|El|Op)\\s.*") && ATTRIBUTION.matcher(joined.strip()).matches())) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(line.stripTrailing());
            }
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }
}

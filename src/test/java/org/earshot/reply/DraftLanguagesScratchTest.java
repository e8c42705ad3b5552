package org.earshot.reply;

import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.reading.MentionReader;
import org.junit.jupiter.api.Test;

class DraftLanguagesScratchTest {
    private static final MentionReader READER = MentionReader.standard(null);
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);

    void show(Platform p, String name, String text) {
        DraftInput in = new DraftInput(p, new Author("h", name, 10), text, "", null, CustomerHistory.NONE, false,
                READER.read("", text));
        Draft d = drafter.draft(in);
        System.out.println("=== [" + in.language() + "] " + text + "\n" + d.text() + "\n" + d.warnings() + " followUp=" + d.followUp());
    }

    @Test
    void scratch() {
        show(Platform.EMAIL, "Marie Dubois", "Bonjour, ma valise n'est toujours pas arrivée à Lisbonne depuis trois jours. Ma référence de réservation est ABC123. Merci de m'aider.");
        show(Platform.X, "Carlos Pérez", "Llevo tres días esperando mi maleta y nadie me responde. Es una vergüenza.");
        show(Platform.X, "Jonas Weber", "Mein Paket ist immer noch nicht angekommen und niemand antwortet mir. Sehr enttäuschend!");
        show(Platform.X, "Ana Souza", "Meu voo foi cancelado e ninguém me explica nada. Estou no aeroporto sem saber o que fazer.");
        show(Platform.X, "Lucia", "Quanto costa il bagaglio a mano sul volo per Roma? Grazie mille per l'aiuto");
        show(Platform.X, "Pedro", "¿Cuánto equipaje de mano puedo llevar en el vuelo a Lisboa?");
        show(Platform.X, "Claire", "Merci beaucoup à l'équipe, le vol était parfait et le personnel très gentil !");
    }
}

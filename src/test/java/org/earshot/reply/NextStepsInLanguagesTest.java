package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.reading.MentionReader;
import org.junit.jupiter.api.Test;

/** The policy's next step in the customer's language (config/policy.yaml's login step has es, fr, de, pt texts). */
class NextStepsInLanguagesTest {
    private static final MentionReader READER = MentionReader.standard(null);
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);

    private Draft draft(String text) {
        return drafter.draft(new DraftInput(Platform.X, new Author("handle", "Carlos", 10), text, "", null,
                CustomerHistory.NONE, false, READER.read("", text)));
    }

    @Test
    void aSpanishLoginComplaintGetsTheStepInSpanish() {
        Draft d = draft("Hola, olvidé mi contraseña y no puedo iniciar sesión en la aplicación desde ayer.");
        assertThat(d.text()).contains("Puede crear una contraseña nueva en acmeair.example/reset").doesNotContain("You can set");
    }

    @Test
    void aGermanOneGetsItInGermanAndAFrenchOneInFrench() {
        assertThat(draft("Das ist ärgerlich: ich kann mich seit gestern nicht anmelden, Passwort vergessen und nichts funktioniert.").text())
                .contains("Unter acmeair.example/reset können Sie ein neues Passwort festlegen");
        assertThat(draft("C'est inadmissible : impossible de me connecter depuis hier, j'ai oublié mon mot de passe et rien ne marche.").text())
                .contains("Vous pouvez choisir un nouveau mot de passe sur acmeair.example/reset");
    }

    @Test
    void aStepWithNoTextInTheLanguageIsNotGivenInEnglish() {
        Draft d = draft("Hola, la aplicación se cierra sola cada vez que la abro, no funciona nada.");
        assertThat(d.text()).doesNotContain("Updating the Acme Air app");
    }
}

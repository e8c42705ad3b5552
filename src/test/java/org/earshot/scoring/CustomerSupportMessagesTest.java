package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * 352 messages written the way customers write to support accounts (airlines, telcos, banks, retail,
 * delivery and ride apps, software, games, streaming, utilities, hotels...), labelled by hand with a
 * sentiment and an urgency level, split at random into a tune half and a sealed half before the
 * scorer saw them. Prints each half's figures; {@code -Dearshot.dev.misses=true} prints the tune
 * half's misses (never the sealed half's).
 *
 * <p>As first measured, then after the rules were tuned on the tune half only (the sealed half was
 * measured once, at the end): tune sentiment 78.5% -> 92.7%, urgency level 61.6% -> 87.0%, pressing
 * (high or critical) recall 48.6% -> 78.4%; sealed sentiment 83.4% -> 87.4%, urgency level 57.1% ->
 * 78.3%, pressing recall 45.9% -> 62.2%, precision 77.3% -> 74.2%. The floors below sit a little
 * under these so that a regression fails.
 */
class CustomerSupportMessagesTest {

    @Test
    void agreesWithTheHandLabelsOnTheTuneHalf() throws IOException {
        SupportSetReport tune = SupportSetReport.of("tune");
        System.out.print(tune.summary());
        if (Boolean.getBoolean("earshot.dev.misses")) {
            tune.misses().forEach(m -> System.out.println("miss: " + m));
        }
        assertThat(tune.size()).isGreaterThan(170);
        assertThat(tune.sentimentAccuracy()).isGreaterThan(0.9);
        assertThat(tune.urgencyAccuracy()).isGreaterThan(0.84);
        assertThat(tune.pressingRecall()).isGreaterThan(0.75);
    }

    @Test
    void agreesWithTheHandLabelsOnTheSealedHalf() throws IOException {
        SupportSetReport sealed = SupportSetReport.of("sealed");
        System.out.print(sealed.summary());
        assertThat(sealed.size()).isGreaterThan(170);
        assertThat(sealed.sentimentAccuracy()).isGreaterThan(0.85);
        assertThat(sealed.urgencyAccuracy()).isGreaterThan(0.76);
        assertThat(sealed.pressingRecall()).isGreaterThan(0.6);
    }
}

package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * 352 messages written the way customers write to support accounts, labelled by hand with a
 * sentiment and an urgency level, split at random into a tune half and a sealed half before the
 * scorer saw them. Prints each half's figures; {@code -Dearshot.dev.misses=true} prints the tune
 * half's misses (never the sealed half's).
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
    }

    @Test
    void agreesWithTheHandLabelsOnTheSealedHalf() throws IOException {
        SupportSetReport sealed = SupportSetReport.of("sealed");
        System.out.print(sealed.summary());
        assertThat(sealed.size()).isGreaterThan(170);
    }
}

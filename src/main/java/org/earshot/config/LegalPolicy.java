package org.earshot.config;

import java.util.List;

/**
 * What legal allows replies to say about fault.
 *
 * @param mayAdmitFault false when replies must not admit fault or liability (most teams: legal decides that)
 * @param admissions    phrases that admit fault, checked on every draft and edit when {@code mayAdmitFault} is false
 */
public record LegalPolicy(boolean mayAdmitFault, List<String> admissions) {
    /** Phrases that admit fault or liability, checked when the policy names none of its own. */
    public static final List<String> DEFAULT_ADMISSIONS = List.of("our fault", "we are at fault", "we were at fault",
            "we're at fault", "we are liable", "we're liable", "we accept liability", "we admit", "we were negligent",
            "our negligence", "we take full responsibility", "we are responsible for your", "we're responsible for your",
            "it was our mistake", "entirely our mistake");
    public static final LegalPolicy DEFAULT = new LegalPolicy(false, DEFAULT_ADMISSIONS);

    public LegalPolicy {
        admissions = admissions == null || admissions.isEmpty() ? DEFAULT_ADMISSIONS : List.copyOf(admissions);
    }
}

package org.earshot.config;

import java.util.List;

/**
 * Example promises a reply is compared with by meaning, beside the keyword rules: sentences the team may
 * not say ("we'll book you a hotel for tonight") and ones it may ("here is a voucher for your next order").
 * The policy's {@code mayPromise} entries count as allowed examples too.
 */
public record PromiseExamples(List<String> forbidden, List<String> allowed) {
    /** Brand-neutral promises no policy allows unless it says so: what costs money or fixes a date. */
    public static final List<String> BUILT_IN_FORBIDDEN = List.of(
            "we'll arrange a hotel for you tonight",
            "we will book you a hotel room for the night",
            "we'll pay for your taxi",
            "we will cover the cost of your taxi and meals",
            "we'll add 10000 miles to your account",
            "we'll credit 5000 bonus points to your account",
            "we will give you a full refund",
            "you'll get your money back",
            "we'll send you a free replacement",
            "we will compensate you for the trouble",
            "we'll waive the fee for you",
            "we'll reimburse your expenses",
            "it will be fixed by tomorrow",
            "we'll upgrade you for free");
    public static final PromiseExamples BUILT_IN = new PromiseExamples(BUILT_IN_FORBIDDEN, List.of());

    public PromiseExamples {
        forbidden = forbidden == null || forbidden.isEmpty() ? BUILT_IN_FORBIDDEN : List.copyOf(forbidden);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }
}

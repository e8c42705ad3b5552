package org.earshot.testing;

import java.util.Map;
import java.util.TreeMap;

/** What became of the items of recorded answers: stored, skipped (and why), quarantined; printed for the report. */
public final class CorpusFigures {
    private final String platform;
    private int read;
    private int stored;
    private int quarantined;
    private final Map<String, Integer> skipped = new TreeMap<>();

    public CorpusFigures(String platform) {
        this.platform = platform;
    }

    public void add(int readItems, int storedItems, int quarantinedItems, Map<String, Integer> skippedWhy) {
        read += readItems;
        stored += storedItems;
        quarantined += quarantinedItems;
        skippedWhy.forEach((why, n) -> skipped.merge(why, n, Integer::sum));
    }

    public int quarantined() {
        return quarantined;
    }

    public int accountedFor() {
        return stored + quarantined + skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int read() {
        return read;
    }

    @Override
    public String toString() {
        return platform + ": " + read + " items read -> " + stored + " stored, "
                + skipped.values().stream().mapToInt(Integer::intValue).sum() + " skipped " + skipped + ", "
                + quarantined + " quarantined";
    }
}

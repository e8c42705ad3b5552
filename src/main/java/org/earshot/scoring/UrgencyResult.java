package org.earshot.scoring;

import java.util.List;
import org.earshot.domain.UrgencyLevel;

/** How soon someone must look, 0 to 1, its band, and why. */
public record UrgencyResult(double urgency, UrgencyLevel level, List<String> reasons) {

    public UrgencyResult {
        reasons = java.util.Collections.unmodifiableList(reasons);
    }
}

package org.earshot.reply;

import org.earshot.domain.Intent;

/** The intent found, and for spam and crisis the words that decided it ("safety ('caught fire')"). */
public record IntentDetection(Intent intent, String why) {
}

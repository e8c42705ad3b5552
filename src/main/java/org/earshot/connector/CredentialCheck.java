package org.earshot.connector;

/**
 * Asks a platform, with its own "who am I" call, whom the configured credentials belong to: nothing is
 * read into Earshot and nothing is posted. {@code earshot check-config --online} runs it for each
 * connector whose source (and publisher, when it signs in on its own, as SMTP does) offers it.
 */
public interface CredentialCheck {

    /**
     * @return who the platform says the credentials are, for a person to read ("@acmeair@mastodon.example")
     * @throws ConnectorException permanent when the platform refused them (its status and its own message),
     *                            passing when it could not be reached
     */
    String whoAmI() throws ConnectorException;
}

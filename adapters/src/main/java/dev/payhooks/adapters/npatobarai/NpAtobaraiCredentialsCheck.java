package dev.payhooks.adapters.npatobarai;

import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.ProviderCredentialsCheck;

import java.util.Optional;

/**
 * NP Atobarai's credentials check: {@code POST authorizations/find} with no transactions, which
 * NP answers 400 to valid credentials and 401/403 to others (contract). In sandbox mode a channel
 * without an API base URL asks the hub's NP simulator, as payments do.
 */
public record NpAtobaraiCredentialsCheck(NpAtobaraiChannels channels,
                                         NpAtobaraiClient client) implements ProviderCredentialsCheck {

    @Override
    public ProviderId provider() {
        return ProviderId.NP_ATOBARAI;
    }

    @Override
    public Result check(ProviderSettings settings) {
        Optional<NpCredentials> credentials = channels.credentials(settings);
        if (credentials.isEmpty()) {
            return Result.refused("merchantCode, secretSpCode and terminalId are all needed to ask NP Atobarai");
        }
        NpOutcome outcome = client.checkCredentials(credentials.get());
        if (outcome instanceof NpOutcome.Accepted) {
            return Result.accepted("NP Atobarai accepted the credentials (terminal " + credentials.get().terminalId() + " at "
                + credentials.get().baseUrl() + ").");
        }
        return Result.refused(outcome instanceof NpOutcome.Refused refused ? refused.description()
            : ((NpOutcome.Unavailable) outcome).description());
    }
}

package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.saleor.OrderNote;
import dev.payhooks.domain.saleor.OrderNotes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Adds pending order notes in Saleor ({@code orderNoteAdd}, bounded like every Saleor call).
 * A Saleor that does not take a note is not waited for: the note records the warning and is
 * tried again a minute later, then given up ({@link OrderNote#MAX_ATTEMPTS}). Notes are leased
 * ({@link OrderNotes#claimPending}), so several instances never send the same note at once.
 */
public record OrderNoteSender(OrderNotes notes, SaleorAppTokens tokens, SaleorApiClient saleor, UnitOfWork units,
                              Clock clock) {

    static final int BATCH = 20;
    /** How long one instance holds a note it sends; also the wait before a note Saleor did not take is tried again. */
    static final Duration LEASE = Duration.ofMinutes(1);

    /** Sends what is pending; returns how many notes Saleor took. */
    public int sendPending() {
        List<OrderNote> pending = units.inNewTransaction(() -> notes.claimPending(BATCH, clock.instant(), LEASE));
        int sent = 0;
        for (OrderNote note : pending) {
            Optional<String> token = tokens.of(note.apiUrl(), note.provider());
            Optional<String> problem = token.isEmpty() ? Optional.of("the app is no longer installed in " + note.apiUrl())
                : saleor.addOrderNote(URI.create(note.apiUrl()), token.get(), note.orderId(), note.message());
            units.inNewTransaction(() -> {
                if (problem.isEmpty()) {
                    note.sent(clock.instant());
                } else {
                    note.notTaken(problem.get(), clock.instant());
                }
                notes.update(note);
                return null;
            });
            if (problem.isEmpty()) {
                sent++;
            }
        }
        return sent;
    }
}

package dev.payhooks.admin;

import dev.payhooks.domain.error.NotPermitted;

import java.util.function.Supplier;

/** A use case refused the signed-in staff member ({@link NotPermitted}), in the words the console shows. */
public class NotAllowed extends RuntimeException {

    /** What a viewer reads when a use case refuses a change. */
    public static final String LOOK_NOT_CHANGE = "Your role lets you look, not change. Ask an administrator.";

    public NotAllowed(String message) {
        super(message);
    }

    /** Runs a use case; its refusal becomes a {@code NotAllowed} with {@code message}. */
    public static <T> T mapping(String message, Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (NotPermitted refused) {
            throw new NotAllowed(message);
        }
    }

    /** {@link #mapping} with the viewer's message. */
    public static <T> T lookNotChange(Supplier<T> useCase) {
        return mapping(LOOK_NOT_CHANGE, useCase);
    }

    /** {@link #lookNotChange} for a use case without an answer. */
    public static void lookNotChange(Runnable useCase) {
        lookNotChange(() -> {
            useCase.run();
            return null;
        });
    }
}

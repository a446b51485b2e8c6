package dev.payhooks.domain.error;

/**
 * A value from outside (an amount, a currency code, a tracking number, a provider slug…)
 * that the domain cannot accept. Adapters map it to a 4xx answer with the message as is.
 */
public final class InvalidValue extends DomainException {

    private static final int ECHO_LIMIT = 40;

    public InvalidValue(String message) {
        super("invalid_value", message);
    }

    /**
     * The rejected input, quoted, for a message. Messages end up in logs and error bodies,
     * so the echo is shortened and stripped of control characters (no log forging).
     */
    public static String echo(String input) {
        if (input == null) {
            return "null";
        }
        String shown = input.length() <= ECHO_LIMIT ? input : input.substring(0, ECHO_LIMIT) + "…";
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}

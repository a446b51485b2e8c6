package dev.payhooks.domain.error;

/** A value given for a named field breaks a rule; the message says which rule. */
public class InvalidField extends DomainException {

    private final String field;

    public InvalidField(String field, String problem) {
        super("invalid_field", field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package dev.payhooks.domain.error;

/** A value given for a named field breaks a rule; the message says which rule. */
public class InvalidField extends DomainException {

    private final String field;
    private final String problem;

    public InvalidField(String field, String problem) {
        super("invalid_field", field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        return problem;
    }

    /** The same problem, named as a field of an enclosing object: {@code username} in {@code authentication}. */
    public InvalidField nestedIn(String parent) {
        return new InvalidField(parent + "." + field, problem);
    }
}

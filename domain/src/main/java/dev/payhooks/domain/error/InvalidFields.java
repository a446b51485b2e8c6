package dev.payhooks.domain.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Several fields of one input break their rules, found in one pass so a form can show every
 * problem next to its field at once. It reads as its first problem ({@link #field()},
 * {@link #problem()}, the message) for callers that show one.
 */
public final class InvalidFields extends InvalidField {

    private final List<InvalidField> all;

    private InvalidFields(List<InvalidField> all) {
        super(all.get(0).field(), all.get(0).problem());
        this.all = List.copyOf(all);
    }

    /** Every problem, in the order the fields were checked. */
    public List<InvalidField> all() {
        return all;
    }

    /** The problems of a thrown field check: all of them for an {@link InvalidFields}, else the one. */
    public static List<InvalidField> of(InvalidField thrown) {
        return thrown instanceof InvalidFields several ? several.all() : List.of(thrown);
    }

    /** Runs field checks, keeping going after a failed one, and throws what they found together. */
    public static final class Checks {

        private final List<InvalidField> found = new ArrayList<>();

        /** The value {@code check} gives, or null when it refuses it (the problem is kept). */
        public <T> T check(Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidFields several) {
                found.addAll(several.all());
            } catch (InvalidField one) {
                found.add(one);
            }
            return null;
        }

        public void add(InvalidField problem) {
            found.add(problem);
        }

        public boolean clean() {
            return found.isEmpty();
        }

        /** Throws the problems found: the one as it is, several together. */
        public void throwIfAny() {
            if (found.size() == 1) {
                throw found.get(0);
            }
            if (!found.isEmpty()) {
                throw new InvalidFields(found);
            }
        }
    }
}

package dev.payhooks.admin.staff;

/** A password the console made for a new or reset staff user: shown once, to hand over. */
public record TemporaryPassword(String username, String password) {
    @Override
    public String toString() {
        return "TemporaryPassword[" + username + "]";
    }
}

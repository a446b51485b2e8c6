package dev.payhooks.adapters.npatobarai;

/**
 * A customer or delivery destination as NP Atobarai wants it: {@code "<last> <first>"}, the
 * address in one line, the phone with {@code +81} turned into {@code 0}.
 *
 * @param email null for the delivery destination
 */
public record NpCustomer(String name, String companyName, String zipCode, String address, String tel, String email) {

    /** NP wants domestic numbers: a leading +81 becomes 0. */
    public static String domesticPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.strip();
        return trimmed.startsWith("+81") ? "0" + trimmed.substring(3) : trimmed;
    }
}

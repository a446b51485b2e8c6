package dev.payhooks.admin.secondfactor;

/** A key offered to a staff member's authenticator app: its base32 text and its otpauth URI (for the QR code). */
public record SecondFactorEnrolment(String secret, String provisioningUri) {
    @Override
    public String toString() {
        return "SecondFactorEnrolment[…]";
    }
}

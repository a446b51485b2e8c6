package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class TrackingNumberTest {

    @ParameterizedTest
    @CsvSource({"1234567890,1234567890", "'  1234-5678-9012 ',1234-5678-9012", "１２３４５,12345",
        "1Z999AA10123456784,1Z999AA10123456784"})
    void acceptsAndNormalizes(String input, String expected) {
        assertEquals(expected, TrackingNumber.of(input).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "12 34", "-1234", "1234-", "12--34", "12/34", "<script>", "123\n456",
        "123456789012345678901234567890123456789012345678901"})
    void rejectsWhatIsNoTrackingNumber(String input) {
        assertThrows(InvalidValue.class, () -> TrackingNumber.of(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890123456789012345678901234567890"})
    void fiftyCharactersAreTheLimit(String input) {
        assertEquals(TrackingNumber.MAX_LENGTH, TrackingNumber.of(input).length());
    }
}

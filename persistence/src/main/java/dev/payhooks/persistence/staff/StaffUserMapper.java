package dev.payhooks.persistence.staff;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.staff.SecondFactor;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

final class StaffUserMapper {

    private StaffUserMapper() {
    }

    static StaffUser toDomain(StaffUserEntity entity) {
        EnumSet<StaffRole> roles = Arrays.stream(entity.roles.split(","))
            .filter(name -> !name.isBlank())
            .map(StaffRole::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
        return StaffUser.reconstitute(entity.id, entity.username, entity.passwordHash, roles,
            entity.operator ? null : entity.merchantId, entity.enabled, entity.createdAt, secondFactor(entity), entity.version());
    }

    private static SecondFactor secondFactor(StaffUserEntity entity) {
        if (entity.totpSecret == null) {
            return null;
        }
        List<String> hashes = entity.recoveryCodeHashes == null || entity.recoveryCodeHashes.isEmpty()
            ? List.of() : List.of(entity.recoveryCodeHashes.split(","));
        return new SecondFactor(new SealedSecret(entity.totpSecret), entity.totpLastStep, hashes, entity.secondFactorEnabledAt);
    }

    static StaffUserEntity toNewEntity(StaffUser user) {
        StaffUserEntity entity = new StaffUserEntity();
        entity.id = user.id();
        entity.username = user.username();
        entity.createdAt = user.createdAt();
        entity.merchantId = user.merchantId().orElse(null);
        entity.operator = user.operator();
        copyMutableState(user, entity);
        return entity;
    }

    static void copyMutableState(StaffUser user, StaffUserEntity entity) {
        entity.passwordHash = user.passwordHash();
        entity.roles = user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        entity.enabled = user.enabled();
        SecondFactor factor = user.secondFactor().orElse(null);
        entity.totpSecret = factor == null ? null : factor.totpSecret().value();
        entity.totpLastStep = factor == null ? null : factor.lastUsedStep();
        entity.recoveryCodeHashes = factor == null ? null : String.join(",", factor.recoveryCodeHashes());
        entity.secondFactorEnabledAt = factor == null ? null : factor.enabledAt();
    }
}

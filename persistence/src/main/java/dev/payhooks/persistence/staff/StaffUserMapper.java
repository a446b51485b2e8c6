package dev.payhooks.persistence.staff;

import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;

import java.util.Arrays;
import java.util.EnumSet;
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
            entity.enabled, entity.createdAt, entity.version);
    }

    static StaffUserEntity toNewEntity(StaffUser user) {
        StaffUserEntity entity = new StaffUserEntity();
        entity.id = user.id();
        entity.username = user.username();
        entity.createdAt = user.createdAt();
        copyMutableState(user, entity);
        return entity;
    }

    static void copyMutableState(StaffUser user, StaffUserEntity entity) {
        entity.passwordHash = user.passwordHash();
        entity.roles = user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        entity.enabled = user.enabled();
    }
}

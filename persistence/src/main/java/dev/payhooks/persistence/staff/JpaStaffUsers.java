package dev.payhooks.persistence.staff;

import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import java.util.List;
import java.util.Optional;

/** {@link StaffUsers} on JPA. The caller owns the transaction. */
public class JpaStaffUsers extends JpaRepository<StaffUserEntity> implements StaffUsers {

    public JpaStaffUsers(EntityManager em) {
        super(em, StaffUserEntity.class);
    }

    @Override
    public Optional<StaffUser> withUsername(String username) {
        return first(StaffUserMapper::toDomain, "select u from StaffUserEntity u where u.username = :username",
            "username", StaffUser.normalizeUsername(username));
    }

    @Override
    public List<StaffUser> all() {
        return list(StaffUserMapper::toDomain, "select u from StaffUserEntity u order by u.username");
    }

    @Override
    public long count() {
        return countAll();
    }

    @Override
    public void add(StaffUser user) {
        persist(StaffUserMapper.toNewEntity(user));
    }

    @Override
    public void update(StaffUser user) {
        change(user.id(), user.version(),
            () -> new OptimisticLockException("staff user " + user.username() + " was changed or removed meanwhile"),
            entity -> StaffUserMapper.copyMutableState(user, entity));
    }
}
